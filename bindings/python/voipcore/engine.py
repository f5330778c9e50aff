"""Engine: the root object of libvoipcore, with its configuration, events and logs."""

from __future__ import annotations

import ctypes
import json
import logging
import math
import operator
import time
import weakref
from collections.abc import Iterator
from types import TracebackType
from typing import Any

from ._callbacks import NativeCallbacks
from ._json_arg import JsonObjectArg, encode_json_object
from ._native import NO_EVENT_FN, NO_LOG_FN, NativeEvent, lib
from .errors import ErrorCode, InvalidHandleError, ShutdownError, check
from .events import Event, EventHandler
from .logs import LogHandler, LogLevel, logging_handler

# A wait is cut into native polls no longer than this: a signal such as Ctrl-C is only handled
# between two foreign calls, so an unbounded native wait would make the process deaf to it.
_WAIT_SLICE_SECONDS = 0.25

_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1


class Engine:
    """A libvoipcore engine. Engines share nothing; close each one (or use `with`).

    `config` is None for the defaults, or overrides as a mapping or a JSON string, e.g.
    {"log_level": "debug", "user_agent": "my-app", "event_queue_capacity": 1024}.
    Unknown keys, wrong types and out-of-range values raise InvalidArgumentError naming the key.
    """

    def __init__(self, config: JsonObjectArg = None) -> None:
        handle = ctypes.c_uint64()
        check(lib.vc_engine_create(ctypes.byref(handle), encode_json_object(config, "config")))
        self._handle = handle.value
        self._callbacks = NativeCallbacks()
        # Runs at most once: from close(), or when a forgotten engine is collected or Python exits.
        self._destroy = weakref.finalize(self, _destroy_engine, self._handle, self._callbacks)

    def close(self) -> None:
        """Destroys the engine; later calls do nothing.

        Waits for a callback running on the dispatch thread to return. Called from inside one of
        this engine's callbacks, it returns at once and the engine stops when that callback
        returns. Either way no callback runs afterwards, and the other methods raise
        InvalidHandleError.
        """
        self._destroy()

    @property
    def closed(self) -> bool:
        return not self._destroy.alive

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Engine handle=0x{self._handle:016x}{' closed' if self.closed else ''}>"

    @property
    def config(self) -> dict[str, Any]:
        """The effective configuration: the defaults merged with the overrides given at creation."""
        text = ctypes.c_void_p()
        check(lib.vc_engine_get_config(self._handle, ctypes.byref(text)))
        try:
            config: dict[str, Any] = json.loads(ctypes.string_at(text))
            return config
        finally:
            lib.vc_free(text)

    def post_event(self, value: int, detail: JsonObjectArg = None) -> None:
        """Queues a USER event carrying `value` (an int64) and an optional detail JSON object."""
        if not _INT64_MIN <= operator.index(value) <= _INT64_MAX:
            # ctypes would silently truncate it.
            raise OverflowError(f"event value {value} does not fit in a signed 64-bit integer")
        check(lib.vc_engine_post_event(self._handle, value, encode_json_object(detail, "detail")))

    def on_event(self, handler: EventHandler | None) -> None:
        """Sends every event to `handler` on the engine's dispatch thread, starting with the ones
        already queued; None stops that and queues events for poll_event() again.

        An exception raised by `handler` is logged to the "voipcore" logger and does not stop
        later events.
        """
        native = NO_EVENT_FN if handler is None else self._callbacks.event_fn(handler)
        check(lib.vc_engine_set_event_callback(self._handle, native, None))

    def poll_event(self, timeout: float | None = None) -> Event | None:
        """Takes the oldest queued event, waiting up to `timeout` seconds (None: no limit).

        Returns None when no event arrived in time. Events are queued only while no on_event()
        handler is set. Raises ShutdownError if the engine is closed while waiting.
        """
        deadline = None if timeout is None else time.monotonic() + _non_negative(timeout)
        while True:
            remaining = _WAIT_SLICE_SECONDS if deadline is None else max(0.0, deadline - time.monotonic())
            event = self._poll_once(min(remaining, _WAIT_SLICE_SECONDS))
            if event is not None or (deadline is not None and time.monotonic() >= deadline):
                return event

    def events(self, timeout: float | None = None) -> Iterator[Event]:
        """Yields polled events until one poll waits `timeout` seconds in vain or the engine closes."""
        while True:
            try:
                event = self.poll_event(timeout)
            except (ShutdownError, InvalidHandleError):
                if self.closed:
                    return
                raise
            if event is None:
                return
            yield event

    def set_log_handler(self, handler: LogHandler | None, level: LogLevel = LogLevel.INFO) -> None:
        """Sends log records of `level` and above to `handler(level, category, message)` on the
        dispatch thread, in order with events; None removes the handler. Records below `level`
        are not produced at all.
        """
        native = NO_LOG_FN if handler is None else self._callbacks.log_fn(handler)
        check(lib.vc_set_log_callback(self._handle, int(level), native, None))

    def forward_logs_to(self, logger: logging.Logger, level: LogLevel | None = None) -> None:
        """Writes the engine's log records to children of `logger` named after their category
        (e.g. "voipcore.engine"). `level` defaults to what `logger` is currently enabled for.
        """
        if level is None:
            level = LogLevel.from_python(logger.getEffectiveLevel())
        self.set_log_handler(logging_handler(logger), level)

    def _poll_once(self, seconds: float) -> Event | None:
        native = NativeEvent()
        code = lib.vc_engine_poll_event(self._handle, ctypes.byref(native), math.ceil(seconds * 1000))
        if code == ErrorCode.TIMEOUT:
            return None
        check(code)
        return Event.from_native(native)


def _destroy_engine(handle: int, callbacks: NativeCallbacks) -> None:
    check(lib.vc_engine_destroy(handle))
    callbacks.release()


def _non_negative(timeout: float) -> float:
    if not timeout >= 0:  # also rejects NaN
        raise ValueError(f"timeout must be None or a number of seconds >= 0, not {timeout!r}")
    return timeout
