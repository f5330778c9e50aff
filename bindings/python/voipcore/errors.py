"""VoipError and its per-code subclasses, built from a vc_error_t and vc_last_error()."""

from __future__ import annotations

from enum import IntEnum

from ._native import lib


class ErrorCode(IntEnum):
    """vc_error_t."""

    OK = 0
    INVALID_ARG = -1
    INVALID_HANDLE = -2
    INVALID_STATE = -3
    NOT_FOUND = -4
    TIMEOUT = -5
    IO = -6
    UNSUPPORTED = -7
    SHUTDOWN = -8
    INTERNAL = -9


def strerror(code: int) -> str:
    """The library's constant name for a code, e.g. "VC_E_INVALID_HANDLE"."""
    name: bytes = lib.vc_strerror(code)
    return name.decode()


class VoipError(Exception):
    """A libvoipcore call failed. `code` is the vc_error_t, `message` the library's explanation."""

    def __init__(self, code: int, message: str) -> None:
        # Both go to Exception so that copying and pickling rebuild the error faithfully.
        super().__init__(code, message)
        self.code = code
        self.code_name = strerror(code)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} ({self.code_name})"


class InvalidArgumentError(VoipError, ValueError):
    """VC_E_INVALID_ARG: an argument is NULL, out of range or malformed (bad config included)."""


class InvalidHandleError(VoipError):
    """VC_E_INVALID_HANDLE: the object was destroyed (e.g. a closed Engine) or never existed."""


class InvalidStateError(VoipError):
    """VC_E_INVALID_STATE: the operation is not allowed in the object's current state."""


class NotFoundError(VoipError):
    """VC_E_NOT_FOUND: the thing asked for does not exist."""


class VoipTimeoutError(VoipError):
    """VC_E_TIMEOUT: nothing happened within the given time."""


class VoipIOError(VoipError):
    """VC_E_IO: a socket, file or network operation failed."""


class UnsupportedError(VoipError):
    """VC_E_UNSUPPORTED: not available in this build or on this system."""


class ShutdownError(VoipError):
    """VC_E_SHUTDOWN: the engine was destroyed while the call was waiting."""


class InternalError(VoipError):
    """VC_E_INTERNAL: a bug in libvoipcore; the message says where."""


_ERROR_CLASSES: dict[int, type[VoipError]] = {
    ErrorCode.INVALID_ARG: InvalidArgumentError,
    ErrorCode.INVALID_HANDLE: InvalidHandleError,
    ErrorCode.INVALID_STATE: InvalidStateError,
    ErrorCode.NOT_FOUND: NotFoundError,
    ErrorCode.TIMEOUT: VoipTimeoutError,
    ErrorCode.IO: VoipIOError,
    ErrorCode.UNSUPPORTED: UnsupportedError,
    ErrorCode.SHUTDOWN: ShutdownError,
    ErrorCode.INTERNAL: InternalError,
}


def error_from_code(code: int, message: str) -> VoipError:
    """The most specific VoipError for a code; codes newer than this binding give VoipError."""
    return _ERROR_CLASSES.get(code, VoipError)(code, message)


def check(code: int) -> None:
    """Raises the VoipError for a vc_ call's return code; must run on the thread that made the call."""
    if code != ErrorCode.OK:
        message: bytes = lib.vc_last_error()
        raise error_from_code(code, message.decode())
