"""The C function pointers one engine hands to the library: built, guarded and kept alive."""

from __future__ import annotations

import ctypes
import itertools
import logging
import threading
from typing import Callable, Optional

from ._native import CredentialFn, EventFn, LogFn, NativeEvent
from .errors import ErrorCode
from .events import Event, EventHandler
from .logs import LogHandler, LogLevel

_log = logging.getLogger("voipcore")

CredentialLookup = Callable[[str], Optional[str]]
"""Given a user name the registrar's configured users do not have, returns its password or None."""


class NativeCallbacks:
    """Builds one engine's ctypes callbacks and owns them for as long as the library may call them.

    A replaced event or log callback is kept too. The library no longer runs it once the call
    that replaced it has returned, except when that call came from inside a callback (which may be
    the replaced one, still running); and a replacement from inside a callback can race one from
    another thread, leaving Python unable to tell which of the two the library ended up with. A
    handler is small; keeping every one until close is simple and always safe.

    The credential lookup works differently (see set_credential_lookup): the library may call it
    on SIP worker threads even after it was replaced or the engine destroyed, so the C function
    pointer it gets is one module-level thunk that is never freed, and the engine's lookup is
    found through the user_data key, in a registry the engine leaves when it closes.
    """

    def __init__(self) -> None:
        self._alive: list[ctypes._FuncPointer] = []
        self._dispatch_thread: int | None = None
        self._credential_key = next(_credential_keys)
        self._credential_lock = threading.Lock()

    def event_fn(self, handler: EventHandler) -> ctypes._FuncPointer:
        def on_event(event: ctypes._Pointer[NativeEvent], _user_data: int | None) -> None:
            self._deliver("event", lambda: handler(Event.from_native(event.contents)))

        return self._keep(EventFn(on_event))

    def log_fn(self, handler: LogHandler) -> ctypes._FuncPointer:
        def on_log(level: int, category: bytes, message: bytes, _user_data: int | None) -> None:
            self._deliver("log", lambda: handler(LogLevel(level), category.decode(), message.decode()))

        return self._keep(LogFn(on_log))

    def set_credential_lookup(
        self, lookup: CredentialLookup | None, install: Callable[[ctypes._FuncPointer | None, int | None], int]
    ) -> int:
        """Makes `lookup` the engine's credential lookup; `install(fn, user_data)` is the native call.

        Returns install's result; on failure the previous lookup stays in force.
        """
        key = self._credential_key
        with self._credential_lock:
            previous = _credential_lookups.get(key)
            if lookup is None:
                code = install(None, None)
                if code == ErrorCode.OK:
                    _credential_lookups.pop(key, None)
                return code
            _credential_lookups[key] = lookup
            code = install(_CREDENTIAL_THUNK, key)
            if code != ErrorCode.OK:
                _restore(key, previous)
            return code

    def forget_credential_lookup(self) -> None:
        """The library dropped the lookup (the registrar was re-enabled): later lookups find nothing."""
        with self._credential_lock:
            _credential_lookups.pop(self._credential_key, None)

    def release(self) -> None:
        """Drops the callbacks after the engine is destroyed.

        Called from inside one of them (close() in a callback), vc_engine_destroy has returned
        while that callback still runs, so nothing is dropped: the closures then go away with
        this object, which the running callback itself keeps alive until it returns.
        """
        self.forget_credential_lookup()
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


# Every engine's credential lookup, by the user_data key its registrar calls the thunk with.
_credential_lookups: dict[int, CredentialLookup] = {}
_credential_keys = itertools.count(1)

_NUL = b"\0"


def _restore(key: int, previous: CredentialLookup | None) -> None:
    if previous is None:
        _credential_lookups.pop(key, None)
    else:
        _credential_lookups[key] = previous


def _lookup_password(user: bytes | None, password: int | None, capacity: int, user_data: int | None) -> int:
    """vc_credential_fn: runs on a SIP worker thread, possibly on several at once.

    Returns VC_OK only once the password is written: ctypes would turn an exception escaping here
    into a return of 0, which the library would take as a found, empty password.
    """
    try:
        return _answer(user, password, capacity, user_data)
    except BaseException:  # nothing may unwind into C; an unanswerable user is an unknown one
        try:
            name = user.decode(errors="replace") if isinstance(user, bytes) else user
            _log.exception("exception in a voipcore credential lookup for user %r; the user is treated as unknown", name)
        except BaseException:
            pass
        return int(ErrorCode.NOT_FOUND)


def _answer(user: bytes | None, password: int | None, capacity: int, user_data: int | None) -> int:
    lookup = _credential_lookups.get(user_data or 0)
    if lookup is None or user is None or not password:
        return int(ErrorCode.NOT_FOUND)
    found = lookup(user.decode())
    if found is None:
        return int(ErrorCode.NOT_FOUND)
    if not isinstance(found, str):
        raise TypeError(f"a credential lookup must return a str or None, not {type(found).__name__}")
    encoded = found.encode()
    if _NUL in encoded:
        raise ValueError("the password contains a NUL character, which the C ABI cannot pass")
    if len(encoded) >= capacity:
        raise ValueError(f"the password is {len(encoded)} bytes in UTF-8; the library takes at most {capacity - 1}")
    ctypes.memmove(password, encoded + _NUL, len(encoded) + 1)
    return int(ErrorCode.OK)


_CREDENTIAL_THUNK = CredentialFn(_lookup_password)
