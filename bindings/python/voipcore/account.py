"""Account: a SIP identity with credentials that an engine registers and sends requests from."""

from __future__ import annotations

import ctypes
import threading
from typing import TYPE_CHECKING, Literal

from ._native import lib
from .errors import ErrorCode, check
from .events import RegistrationState
from ._closing import ClosesOnExit

if TYPE_CHECKING:
    from .engine import Engine

Transport = Literal["udp", "tcp", "tls", "ws", "wss"]


class Account(ClosesOnExit):
    """An account of an engine; create it with Engine.create_account().

    It does not register until register(). Progress arrives as REGISTRATION_STATE events whose
    `handle` is this account's; Engine.find_account(event.handle) finds it again.
    close() (or leaving a `with` block) destroys it, un-registering it in the background first if
    it is registered; closing its engine destroys it too. Afterwards the methods raise
    InvalidHandleError.
    """

    def __init__(self, engine: Engine, handle: int, uri: str | None) -> None:
        self._engine = engine
        self._handle = handle
        self._uri = uri
        self._closed = False
        self._close_lock = threading.Lock()

    @property
    def handle(self) -> int:
        """The library's vc_account_t, as carried by the `handle` of this account's events."""
        return self._handle

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def uri(self) -> str | None:
        """The address-of-record given at creation (None if it could not be read from the config)."""
        return self._uri

    @property
    def closed(self) -> bool:
        """True once close() was called or the engine was closed."""
        return self._closed or self._engine.closed

    def register(self) -> None:
        """Starts registering and keeps the registration refreshed until unregister().

        Returns at once; REGISTRATION_STATE events report REGISTERING, then REGISTERED or FAILED
        (retried with exponential backoff).
        """
        check(lib.vc_account_register(self._handle))

    def unregister(self) -> None:
        """Stops refreshing and removes the binding. Returns at once; a REGISTRATION_STATE event
        reports UNREGISTERED (if the account was registering, registered or failed)."""
        check(lib.vc_account_unregister(self._handle))

    @property
    def state(self) -> RegistrationState:
        """The registration state now (events report every change)."""
        state = ctypes.c_int()
        check(lib.vc_account_get_state(self._handle, ctypes.byref(state)))
        return RegistrationState(state.value)

    def close(self) -> None:
        """Destroys the account (un-registering in the background if registered); later calls do nothing."""
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
            self._engine._forget_account(self)
            code = lib.vc_account_destroy(self._handle)
            # An account dies with its engine: closing it after (or while) the engine closes is not an error.
            if code == ErrorCode.INVALID_HANDLE and self._engine.closed:
                return
            check(code)

    def __repr__(self) -> str:
        uri = f" uri={self._uri!r}" if self._uri else ""
        return f"<Account handle=0x{self._handle:016x}{uri}{' closed' if self.closed else ''}>"
