"""Creating and closing engines, including while, and from inside, a callback."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

import pytest

from recorder import Recorder
from voipcore import Engine, Event, EventType, InvalidHandleError, LogLevel
from voipcore._native import lib

# Engines left open at exit, one with callbacks in flight that use it and one with a thread
# blocked polling it: the interpreter must still exit promptly, quietly and successfully.
LEFT_OPEN_AT_EXIT = """
import contextlib, threading, time, voipcore
busy = voipcore.Engine()

def relay(event):
    with contextlib.suppress(voipcore.InvalidHandleError):  # the destroy at exit has begun
        busy.post_event(event.value + 1)

busy.on_event(relay)
busy.post_event(0)
polled = voipcore.Engine()
threading.Thread(target=lambda: list(polled.events()), daemon=True).start()
time.sleep(0.2)
print("exiting")
"""


def test_context_manager_closes(recorder: Recorder) -> None:
    with Engine() as engine:
        engine.on_event(recorder)
        assert not engine.closed
    assert engine.closed
    with pytest.raises(InvalidHandleError):
        engine.post_event(1)


def test_close_is_idempotent_even_from_several_threads() -> None:
    engine = Engine()
    closers = [threading.Thread(target=engine.close) for _ in range(8)]
    for closer in closers:
        closer.start()
    for closer in closers:
        closer.join()
    engine.close()
    assert engine.closed


def test_many_engines_can_be_created_and_closed() -> None:
    handles = set()
    for _ in range(200):
        with Engine() as engine:
            engine.on_event(lambda event: None)
            engine.set_log_handler(lambda level, category, message: None, LogLevel.DEBUG)
            handles.add(repr(engine))
    assert len(handles) == 200


def test_close_waits_for_a_running_callback_and_then_no_more_arrive(recorder: Recorder) -> None:
    engine = Engine()
    entered, finished = threading.Event(), threading.Event()

    def slow_handler(event: Event) -> None:
        recorder(event)
        if event.type == EventType.USER:
            entered.set()
            time.sleep(0.3)
            finished.set()

    engine.on_event(slow_handler)
    for value in range(5):
        engine.post_event(value)
    assert entered.wait(5)
    engine.close()
    # Closing released the GIL while it waited, or the handler could not have finished.
    assert finished.is_set()
    delivered = len(recorder.calls)
    time.sleep(0.2)
    assert len(recorder.calls) == delivered == 2


def test_close_from_inside_a_callback_returns_and_stops_delivery(recorder: Recorder) -> None:
    engine = Engine()
    closed_inside = threading.Event()

    def closing_handler(event: Event) -> None:
        recorder(event)
        if event.value == 1:
            engine.close()
            closed_inside.set()

    for value in (1, 2, 3):
        engine.post_event(value)
    engine.on_event(closing_handler)
    assert closed_inside.wait(5)
    time.sleep(0.2)
    assert [event.value for event in recorder.wait_for_events(2)] == [0, 1]
    assert len(recorder.calls) == 2
    assert engine.closed
    with pytest.raises(InvalidHandleError):
        engine.post_event(4)


def test_handlers_are_kept_until_close_even_after_removal(engine: Engine) -> None:
    handler = Recorder()
    engine.on_event(handler)
    handler.wait_for(1)
    engine.on_event(None)
    kept = weakref.ref(handler)
    del handler
    gc.collect()
    assert kept() is not None
    engine.close()
    gc.collect()
    assert kept() is None


def test_a_forgotten_engine_is_destroyed_when_collected(recorder: Recorder) -> None:
    engine = Engine()
    engine.on_event(recorder)
    recorder.wait_for(1)
    handle, collected = engine._handle, weakref.ref(engine)
    del engine
    gc.collect()
    assert collected() is None
    assert lib.vc_engine_post_event(handle, 1, None) == -2


def test_engines_left_open_are_destroyed_cleanly_at_exit() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LEFT_OPEN_AT_EXIT], capture_output=True, text=True, timeout=30,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "exiting\n", "")
