"""Posting events from several Python threads at once, and checking how they come out."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from voipcore import Engine, Event, EventType

POSTING_THREADS = 4
EVENTS_PER_THREAD = 250


def post_from_threads(engine: Engine) -> set[int]:
    """Each thread posts value thread_index * EVENTS_PER_THREAD + i, i counting up; returns the posters' idents."""
    start = threading.Barrier(POSTING_THREADS)
    posters: set[int] = set()

    def post(thread_index: int) -> None:
        posters.add(threading.get_ident())
        start.wait()
        for i in range(EVENTS_PER_THREAD):
            engine.post_event(thread_index * EVENTS_PER_THREAD + i, {"thread": thread_index, "i": i})

    threads = [threading.Thread(target=post, args=(index,)) for index in range(POSTING_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return posters


def assert_all_arrived_in_order(events: Sequence[Event]) -> None:
    """Every posted event, once, with strictly increasing sequences and each thread's order kept."""
    user_events = [event for event in events if event.type == EventType.USER]
    assert len(user_events) == POSTING_THREADS * EVENTS_PER_THREAD
    sequences = [event.sequence for event in events]
    assert all(earlier < later for earlier, later in zip(sequences, sequences[1:]))
    for thread_index in range(POSTING_THREADS):
        from_thread = [event for event in user_events if event.detail and event.detail["thread"] == thread_index]
        assert [event.detail["i"] for event in from_thread if event.detail] == list(range(EVENTS_PER_THREAD))
        assert [event.value for event in from_thread] == [
            thread_index * EVENTS_PER_THREAD + i for i in range(EVENTS_PER_THREAD)
        ]
