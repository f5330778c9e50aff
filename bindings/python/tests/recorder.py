"""A thread-safe stand-in for a user's callback, so tests can wait for what the dispatch thread delivers."""

from __future__ import annotations

import threading
from typing import Any

from voipcore import Event

DELIVERY_TIMEOUT = 5.0
"""Generous: a loaded CI machine must not turn a slow delivery into a failure."""


class Recorder:
    """Records the arguments of every call and the thread each call ran on."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.threads: list[int] = []
        self._changed = threading.Condition()

    def __call__(self, *args: Any) -> None:
        with self._changed:
            self.calls.append(args)
            self.threads.append(threading.get_ident())
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = DELIVERY_TIMEOUT) -> list[tuple[Any, ...]]:
        """The first `count` calls, once they have happened; fails the test if they do not in time."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.calls) >= count, timeout):
                raise AssertionError(f"{len(self.calls)} calls after {timeout} s, expected {count}")
            return self.calls[:count]

    def wait_for_events(self, count: int) -> list[Event]:
        return [call[0] for call in self.wait_for(count)]
