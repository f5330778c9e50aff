"""Python binding of libvoipcore, the VoIP stack behind include/voipcore.h.

    import voipcore

    with voipcore.Engine({"user_agent": "my-app"}) as engine:
        for event in engine.events(timeout=0.5):
            print(event.type.name, event.detail)

The version is the loaded library's, so it always describes the code actually running.
"""

from ._native import LIBRARY_ENV_VAR, LibraryNotFoundError, library_path
from ._version import version
from .engine import Engine
from .errors import (
    ErrorCode,
    InternalError,
    InvalidArgumentError,
    InvalidHandleError,
    InvalidStateError,
    NotFoundError,
    ShutdownError,
    UnsupportedError,
    VoipError,
    VoipIOError,
    VoipTimeoutError,
)
from .events import Event, EventHandler, EventType
from .logs import LogHandler, LogLevel

__version__ = version()

__all__ = [
    "LIBRARY_ENV_VAR",
    "Engine",
    "ErrorCode",
    "Event",
    "EventHandler",
    "EventType",
    "InternalError",
    "InvalidArgumentError",
    "InvalidHandleError",
    "InvalidStateError",
    "LibraryNotFoundError",
    "LogHandler",
    "LogLevel",
    "NotFoundError",
    "ShutdownError",
    "UnsupportedError",
    "VoipError",
    "VoipIOError",
    "VoipTimeoutError",
    "library_path",
    "version",
]
