"""One engine's live calls, kept in step with the events that create and end them."""

from __future__ import annotations

import ctypes
import dataclasses
import threading
from typing import Callable

from .call import Call
from .errors import check
from .events import CALL_EVENTS, CallState, Event, EventType


class CallTable:
    """The Call of each call the engine placed or announced, until its TERMINATED event.

    Every event the engine hands out passes through track(), which attaches the Call to it, so a
    call keeps one Call object (and its `muted`) from start to end. The table must not refer to
    the engine: the engine's event callback refers to the table, and the engine's finalizer keeps
    that callback alive.
    """

    def __init__(self) -> None:
        self._calls: dict[int, Call] = {}
        self._lock = threading.Lock()

    def add_made(self, make: Callable[[ctypes.c_uint64], int]) -> Call:
        """Runs `make(out_handle)` (vc_call_make) and adds the call it made.

        The lock is held across the native call: the new call's first events may reach track() on
        the dispatch thread before vc_call_make has returned, and must find the call in the table.
        """
        handle = ctypes.c_uint64()
        with self._lock:
            check(make(handle))
            call = self._calls[handle.value] = Call(handle.value)
        return call

    def track(self, event: Event) -> Event:
        """`event` with its `call` set if it concerns one; adds the calls CALL_INCOMING announces
        and forgets those whose TERMINATED state it reports."""
        if event.type not in CALL_EVENTS:
            return event
        with self._lock:
            call = self._calls.get(event.handle)
            if call is None:
                # An event after TERMINATED still names its (now dead) call, but does not revive it.
                call = Call(event.handle)
                if event.type == EventType.CALL_INCOMING:
                    self._calls[event.handle] = call
            elif event.call_state == CallState.TERMINATED:
                del self._calls[event.handle]
        return dataclasses.replace(event, call=call)

    def find(self, handle: int) -> Call | None:
        with self._lock:
            return self._calls.get(handle)

    def live(self) -> list[Call]:
        with self._lock:
            return list(self._calls.values())

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()
