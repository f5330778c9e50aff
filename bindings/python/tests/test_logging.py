"""Log records from the library, to a handler or to Python's logging module."""

from __future__ import annotations

import logging
import threading

import pytest

from recorder import Recorder
from voipcore import Engine, LogLevel

# The only record the library produces so far: vc_set_log_callback logs it at debug level.
CALLBACK_SET_MESSAGE = "log callback set at level Debug"


def test_handler_receives_records_on_the_dispatch_thread(engine: Engine, recorder: Recorder) -> None:
    engine.set_log_handler(recorder, LogLevel.DEBUG)
    [(level, category, message)] = recorder.wait_for(1)
    assert (level, category, message) == (LogLevel.DEBUG, "engine", CALLBACK_SET_MESSAGE)
    assert isinstance(level, LogLevel)
    assert recorder.threads[0] != threading.get_ident()


def test_records_below_the_level_are_not_produced(engine: Engine, recorder: Recorder) -> None:
    events = Recorder()
    engine.set_log_handler(recorder, LogLevel.INFO)
    engine.on_event(events)
    # Records travel in order with events, so none can still be on its way once this one arrived.
    engine.post_event(1)
    events.wait_for(2)
    assert recorder.calls == []


def test_removing_the_handler_stops_records(engine: Engine, recorder: Recorder) -> None:
    engine.set_log_handler(recorder, LogLevel.DEBUG)
    recorder.wait_for(1)
    engine.set_log_handler(None, LogLevel.DEBUG)
    engine.set_log_handler(None, LogLevel.DEBUG)
    events = Recorder()
    engine.on_event(events)
    events.wait_for(1)
    assert len(recorder.calls) == 1


def test_records_are_forwarded_to_python_logging(engine: Engine, recorder: Recorder) -> None:
    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            recorder(record)

    logger = logging.getLogger("voipcore.tests.forwarding")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    collect = Collect()
    logger.addHandler(collect)
    try:
        engine.forward_logs_to(logger)
        [(record,)] = recorder.wait_for(1)
    finally:
        logger.removeHandler(collect)
    assert (record.name, record.levelno, record.getMessage()) == (
        "voipcore.tests.forwarding.engine", logging.DEBUG, CALLBACK_SET_MESSAGE,
    )


@pytest.mark.parametrize(
    ("python_level", "library_level"),
    [
        (logging.NOTSET, LogLevel.DEBUG),
        (logging.DEBUG, LogLevel.DEBUG),
        (logging.DEBUG + 5, LogLevel.INFO),
        (logging.INFO, LogLevel.INFO),
        (logging.WARNING, LogLevel.WARNING),
        (logging.ERROR, LogLevel.ERROR),
        (logging.CRITICAL, LogLevel.OFF),
    ],
)
def test_python_levels_map_to_the_least_verbose_sufficient_library_level(python_level: int, library_level: LogLevel) -> None:
    assert LogLevel.from_python(python_level) == library_level


def test_library_levels_map_to_python_levels() -> None:
    assert [level.to_python() for level in LogLevel if level != LogLevel.OFF] == [
        logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR,
    ]
