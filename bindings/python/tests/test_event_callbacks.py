"""Events delivered to on_event() handlers on the engine's dispatch thread."""

from __future__ import annotations

import logging
import threading

import pytest

import voipcore
from posting import EVENTS_PER_THREAD, POSTING_THREADS, assert_all_arrived_in_order, post_from_threads
from recorder import Recorder
from voipcore import Engine, Event, EventType


def test_handler_gets_the_queued_engine_started_first(engine: Engine, recorder: Recorder) -> None:
    engine.post_event(1, {"k": "v"})
    engine.on_event(recorder)
    started, posted = recorder.wait_for_events(2)
    assert (started.type, started.sequence, started.detail) == (EventType.ENGINE_STARTED, 1, {"version": voipcore.version()})
    assert (posted.type, posted.sequence, posted.value, posted.detail) == (EventType.USER, 2, 1, {"k": "v"})


def test_events_from_several_threads_arrive_in_order_on_one_other_thread(engine: Engine, recorder: Recorder) -> None:
    engine.on_event(recorder)
    posters = post_from_threads(engine)
    events = recorder.wait_for_events(1 + POSTING_THREADS * EVENTS_PER_THREAD)
    assert_all_arrived_in_order(events)
    assert len(set(recorder.threads)) == 1
    assert recorder.threads[0] not in posters | {threading.get_ident()}


def test_a_raising_handler_is_reported_and_later_events_still_arrive(
    engine: Engine, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    def handler(event: Event) -> None:
        recorder(event)
        if event.value == 1:
            raise RuntimeError("boom in handler")

    with caplog.at_level(logging.ERROR, logger="voipcore"):
        engine.on_event(handler)
        for value in (1, 2, 3):
            engine.post_event(value)
        events = recorder.wait_for_events(4)
    assert [event.value for event in events[1:]] == [1, 2, 3]
    [report] = [record for record in caplog.records if record.name == "voipcore"]
    assert report.exc_info is not None and str(report.exc_info[1]) == "boom in handler"
    assert "event callback" in report.getMessage()


def test_removing_the_handler_queues_events_for_polling(engine: Engine, recorder: Recorder) -> None:
    engine.on_event(recorder)
    recorder.wait_for(1)
    engine.on_event(None)
    engine.post_event(5)
    event = engine.poll_event(5)
    assert event is not None and (event.type, event.value, event.sequence) == (EventType.USER, 5, 2)
    assert len(recorder.calls) == 1


def test_a_new_handler_replaces_the_old_one(engine: Engine) -> None:
    first, second = Recorder(), Recorder()
    engine.on_event(first)
    first.wait_for(1)
    engine.on_event(second)
    engine.post_event(9)
    [event] = second.wait_for_events(1)
    assert event.value == 9
    assert len(first.calls) == 1
