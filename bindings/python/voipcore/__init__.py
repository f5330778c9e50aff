"""Python binding of libvoipcore, the VoIP stack behind include/voipcore.h.

    import voipcore

    with voipcore.Engine({"user_agent": "my-app"}) as engine:
        engine.listen("udp:127.0.0.1:0")
        with engine.create_account(uri="sip:alice@example.com", password="secret") as alice:
            alice.register()
            for event in engine.events(timeout=5):
                print(event.type.name, event.registration_state, event.detail)

The version is the loaded library's, so it always describes the code actually running.
"""

from ._callbacks import CredentialLookup
from ._native import LIBRARY_ENV_VAR, LibraryNotFoundError, library_path
from ._version import version
from .account import Account, Transport
from .call import Call, DtmfMethod, RecordMode
from .call_stats import CallStats
from .engine import Engine, RegistrarBinding
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
from .events import BindingAction, CallState, Event, EventHandler, EventType, RegistrationState
from .logs import LogHandler, LogLevel

__version__ = version()

__all__ = [
    "LIBRARY_ENV_VAR",
    "Account",
    "BindingAction",
    "Call",
    "CallState",
    "CallStats",
    "CredentialLookup",
    "DtmfMethod",
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
    "RecordMode",
    "RegistrarBinding",
    "RegistrationState",
    "ShutdownError",
    "Transport",
    "UnsupportedError",
    "VoipError",
    "VoipIOError",
    "VoipTimeoutError",
    "library_path",
    "version",
]
