"""Events taken with poll_event() and events()."""

from __future__ import annotations

import threading
import time

import pytest

import voipcore
from posting import assert_all_arrived_in_order, post_from_threads
from recorder import Recorder
from voipcore import Engine, Event, EventType, LogLevel

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def test_first_event_is_engine_started_with_the_version(engine: Engine) -> None:
    event = engine.poll_event(timeout=5)
    assert event == Event(
        type=EventType.ENGINE_STARTED, sequence=1, handle=0, related=0, value=0, value2=0,
        detail={"version": voipcore.version()},
    )


@pytest.mark.parametrize(("value", "detail"), [(42, {"hello": "world", "n": [1, 2.5, None]}), (INT64_MIN, None), (INT64_MAX, {})])
def test_posted_event_comes_back_with_its_value_and_detail(engine: Engine, value: int, detail: dict[str, object] | None) -> None:
    engine.post_event(value, detail)
    started, posted = engine.poll_event(5), engine.poll_event(5)
    assert started is not None and started.type == EventType.ENGINE_STARTED
    assert posted is not None
    assert (posted.type, posted.sequence, posted.value, posted.detail) == (EventType.USER, 2, value, detail)


def test_poll_returns_none_after_about_the_timeout(engine: Engine) -> None:
    assert engine.poll_event(5) is not None
    begun = time.monotonic()
    assert engine.poll_event(timeout=0.3) is None
    assert 0.29 <= time.monotonic() - begun < 2.0


def test_zero_timeout_returns_at_once(engine: Engine) -> None:
    assert engine.poll_event(5) is not None
    begun = time.monotonic()
    assert engine.poll_event(timeout=0) is None
    assert time.monotonic() - begun < 0.5


def test_poll_without_timeout_waits_for_a_late_event(engine: Engine) -> None:
    assert engine.poll_event(5) is not None
    timer = threading.Timer(0.6, engine.post_event, args=(7,))
    timer.start()
    event = engine.poll_event()
    timer.join()
    assert event is not None and event.value == 7


def test_events_iterates_until_a_poll_times_out(engine: Engine) -> None:
    for value in range(5):
        engine.post_event(value)
    events = list(engine.events(timeout=0.2))
    assert [event.type for event in events] == [EventType.ENGINE_STARTED] + [EventType.USER] * 5
    assert [event.value for event in events[1:]] == list(range(5))


def test_events_ends_when_the_engine_closes_while_waiting(engine: Engine) -> None:
    collected: list[Event] = []
    consumer = threading.Thread(target=lambda: collected.extend(engine.events(timeout=None)))
    consumer.start()
    engine.post_event(1)
    time.sleep(0.3)
    engine.close()
    consumer.join(timeout=5)
    assert not consumer.is_alive()
    assert [event.type for event in collected] == [EventType.ENGINE_STARTED, EventType.USER]


def test_events_from_several_threads_all_arrive_in_order(engine: Engine) -> None:
    post_from_threads(engine)
    assert_all_arrived_in_order(list(engine.events(timeout=0.5)))


def test_a_full_queue_drops_the_oldest_and_says_how_many() -> None:
    with Engine({"event_queue_capacity": 16}) as engine:
        for value in range(40):
            engine.post_event(value)
        # Log records travel the dispatch queue behind events: once this one is delivered,
        # all 41 events (ENGINE_STARTED included) have been queued for polling.
        logs = Recorder()
        engine.set_log_handler(logs, LogLevel.DEBUG)
        logs.wait_for(1)
        events = list(engine.events(timeout=0.2))
    assert events[0].type == EventType.EVENTS_DROPPED
    assert events[0].value == 41 - 16
    assert [event.value for event in events[1:]] == list(range(40 - 16, 40))
    assert [event.sequence for event in events] == list(range(1, 18))
