"""The C function pointers one engine hands to the library: built, guarded and kept alive."""

from __future__ import annotations

import ctypes
import logging
import threading
from typing import Callable

from ._native import EventFn, LogFn, NativeEvent
from .events import Event, EventHandler
from .logs import LogHandler, LogLevel

_log = logging.getLogger("voipcore")


class NativeCallbacks:
    """Builds one engine's ctypes callbacks and owns them for as long as the library may call them.

    A replaced callback is kept too: the dispatch thread picks its target before calling it, so
    the library may still run the old one after the call that replaced it has returned.
    """

    def __init__(self) -> None:
        self._alive: list[ctypes._FuncPointer] = []
        self._dispatch_thread: int | None = None

    def event_fn(self, handler: EventHandler) -> ctypes._FuncPointer:
        def on_event(event: ctypes._Pointer[NativeEvent], _user_data: int | None) -> None:
            self._deliver("event", lambda: handler(Event.from_native(event.contents)))

        return self._keep(EventFn(on_event))

    def log_fn(self, handler: LogHandler) -> ctypes._FuncPointer:
        def on_log(level: int, category: bytes, message: bytes, _user_data: int | None) -> None:
            self._deliver("log", lambda: handler(LogLevel(level), category.decode(), message.decode()))

        return self._keep(LogFn(on_log))

    def release(self) -> None:
        """Drops the callbacks after the engine is destroyed.

        Called from inside one of them (close() in a callback), vc_engine_destroy has returned
        while that callback still runs, so nothing is dropped: the closures then go away with
        this object, which the running callback itself keeps alive until it returns.
        """
        if threading.get_ident() != self._dispatch_thread:
            self._alive.clear()

    def _keep(self, fn: ctypes._FuncPointer) -> ctypes._FuncPointer:
        self._alive.append(fn)
        return fn

    def _deliver(self, what: str, deliver: Callable[[], None]) -> None:
        # Only our callbacks run Python code on the dispatch thread, so remembering it here is
        # enough for release() to recognise a call made from inside one of them.
        self._dispatch_thread = threading.get_ident()
        try:
            deliver()
        except BaseException:  # nothing may unwind into C, not even SystemExit
            _log.exception("exception in a voipcore %s callback; later callbacks are still delivered", what)
