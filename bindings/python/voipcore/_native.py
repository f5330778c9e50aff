"""Loads libvoipcore and declares the C prototypes of include/voipcore.h.

Everything here mirrors the header one to one; the idiomatic Python API lives in the other
modules. ctypes.CDLL releases the GIL for the duration of every call below, which is what lets
vc_engine_destroy wait for a Python callback running on the dispatch thread without deadlocking.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

LIBRARY_ENV_VAR = "VOIPCORE_LIBRARY"

# The repo's build output, so the binding works from a checkout without installing anything.
REPO_BUILD_LIBRARY = Path(__file__).resolve().parent / ".." / ".." / ".." / "build" / "lib" / "libvoipcore.so.0"


class LibraryNotFoundError(ImportError):
    """libvoipcore could not be loaded from the configured or default location."""


class NativeEvent(ctypes.Structure):
    """vc_event_t, field for field."""

    _fields_ = [
        ("type", ctypes.c_int32),
        ("reserved", ctypes.c_int32),
        ("sequence", ctypes.c_uint64),
        ("engine", ctypes.c_uint64),
        ("handle", ctypes.c_uint64),
        ("related", ctypes.c_uint64),
        ("value", ctypes.c_int64),
        ("value2", ctypes.c_int64),
        # c_char_p copies the string into bytes on access, so reading the field once is enough to
        # outlive the library's short-lived detail buffer.
        ("detail_json", ctypes.c_char_p),
    ]


class NativeCallStats(ctypes.Structure):
    """vc_call_stats_t, field for field."""

    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("jitter_buffer_ms", ctypes.c_int32),
        ("codec", ctypes.c_char * 16),
        ("packets_sent", ctypes.c_uint64),
        ("bytes_sent", ctypes.c_uint64),
        ("packets_received", ctypes.c_uint64),
        ("bytes_received", ctypes.c_uint64),
        ("packets_lost", ctypes.c_uint64),
        ("packets_dropped", ctypes.c_uint64),
        ("loss_percent", ctypes.c_double),
        ("jitter_ms", ctypes.c_double),
        ("rtt_ms", ctypes.c_double),
        ("mos", ctypes.c_double),
        ("duration_s", ctypes.c_double),
    ]


EventFn = ctypes.CFUNCTYPE(None, ctypes.POINTER(NativeEvent), ctypes.c_void_p)
LogFn = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p)
# vc_credential_fn. The password buffer is c_void_p, an address to write into, not a string to read.
CredentialFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)

# ctypes rejects None for a CFUNCTYPE parameter; a function pointer at address 0 is NULL.
NO_EVENT_FN = EventFn(0)
NO_LOG_FN = LogFn(0)
NO_CREDENTIAL_FN = CredentialFn(0)

_u64 = ctypes.c_uint64
_out_u64 = ctypes.POINTER(ctypes.c_uint64)
# Library-allocated strings are received as c_void_p: the pointer itself must survive to be passed to vc_free.
_out_text = ctypes.POINTER(ctypes.c_void_p)
_out_size = ctypes.POINTER(ctypes.c_size_t)
_samples = ctypes.POINTER(ctypes.c_int16)

_PROTOTYPES: dict[str, tuple[object, list[object]]] = {
    "vc_version": (ctypes.c_char_p, []),
    "vc_strerror": (ctypes.c_char_p, [ctypes.c_int]),
    "vc_last_error": (ctypes.c_char_p, []),
    "vc_free": (None, [ctypes.c_void_p]),
    "vc_engine_create": (ctypes.c_int, [ctypes.POINTER(ctypes.c_uint64), ctypes.c_char_p]),
    "vc_engine_destroy": (ctypes.c_int, [ctypes.c_uint64]),
    "vc_engine_get_config": (ctypes.c_int, [ctypes.c_uint64, _out_text]),
    "vc_set_log_callback": (ctypes.c_int, [ctypes.c_uint64, ctypes.c_int, LogFn, ctypes.c_void_p]),
    "vc_engine_set_event_callback": (ctypes.c_int, [ctypes.c_uint64, EventFn, ctypes.c_void_p]),
    "vc_engine_poll_event": (ctypes.c_int, [ctypes.c_uint64, ctypes.POINTER(NativeEvent), ctypes.c_int]),
    "vc_engine_post_event": (ctypes.c_int, [ctypes.c_uint64, ctypes.c_int64, ctypes.c_char_p]),
    "vc_engine_listen": (ctypes.c_int, [_u64, _out_text, ctypes.c_char_p]),
    "vc_account_create": (ctypes.c_int, [_out_u64, _u64, ctypes.c_char_p]),
    "vc_account_destroy": (ctypes.c_int, [_u64]),
    "vc_account_register": (ctypes.c_int, [_u64]),
    "vc_account_unregister": (ctypes.c_int, [_u64]),
    "vc_account_get_state": (ctypes.c_int, [_u64, ctypes.POINTER(ctypes.c_int)]),
    "vc_registrar_enable": (ctypes.c_int, [_u64, ctypes.c_char_p]),
    "vc_registrar_add_user": (ctypes.c_int, [_u64, ctypes.c_char_p, ctypes.c_char_p]),
    "vc_registrar_set_credential_callback": (ctypes.c_int, [_u64, CredentialFn, ctypes.c_void_p]),
    "vc_registrar_list_bindings": (ctypes.c_int, [_u64, _out_text]),
    "vc_sip_send_options": (ctypes.c_int, [_u64, _out_u64, _u64, ctypes.c_char_p]),
    "vc_sip_send_message": (
        ctypes.c_int,
        [_u64, _out_u64, _u64, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p],
    ),
    "vc_call_make": (ctypes.c_int, [_out_u64, _u64, _u64, ctypes.c_char_p, ctypes.c_char_p]),
    "vc_call_answer": (ctypes.c_int, [_u64]),
    "vc_call_reject": (ctypes.c_int, [_u64, ctypes.c_int]),
    "vc_call_forward": (ctypes.c_int, [_u64, ctypes.c_char_p]),
    "vc_call_defer": (ctypes.c_int, [_u64, ctypes.c_uint32]),
    "vc_call_ring": (ctypes.c_int, [_u64, ctypes.c_int]),
    "vc_call_hangup": (ctypes.c_int, [_u64]),
    "vc_call_hold": (ctypes.c_int, [_u64]),
    "vc_call_transfer": (ctypes.c_int, [_u64, ctypes.c_char_p]),
    "vc_call_transfer_attended": (ctypes.c_int, [_u64, _u64]),
    "vc_call_resume": (ctypes.c_int, [_u64]),
    "vc_call_set_mute": (ctypes.c_int, [_u64, ctypes.c_int]),
    "vc_call_send_dtmf": (ctypes.c_int, [_u64, ctypes.c_char_p, ctypes.c_int]),
    "vc_call_get_state": (ctypes.c_int, [_u64, ctypes.POINTER(ctypes.c_int)]),
    "vc_call_stats_init": (None, [ctypes.POINTER(NativeCallStats)]),
    "vc_call_get_stats": (ctypes.c_int, [_u64, ctypes.POINTER(NativeCallStats)]),
    "vc_call_play": (ctypes.c_int, [_u64, ctypes.c_char_p, ctypes.c_int]),
    "vc_call_play_tone": (ctypes.c_int, [_u64, ctypes.c_char_p, ctypes.c_int]),
    "vc_call_stop_play": (ctypes.c_int, [_u64]),
    "vc_call_record": (ctypes.c_int, [_u64, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]),
    "vc_call_stop_record": (ctypes.c_int, [_u64]),
    "vc_call_pcm_attach": (ctypes.c_int, [_u64, ctypes.c_int]),
    "vc_call_pcm_push": (ctypes.c_int, [_u64, _out_size, _samples, ctypes.c_size_t]),
    "vc_call_pcm_pull": (ctypes.c_int, [_u64, _out_size, _samples, ctypes.c_size_t]),
}


def library_path() -> Path:
    """Where libvoipcore is loaded from: $VOIPCORE_LIBRARY, else the repo's build output."""
    configured = os.environ.get(LIBRARY_ENV_VAR)
    return Path(configured) if configured else REPO_BUILD_LIBRARY.resolve()


def _load() -> ctypes.CDLL:
    path = library_path()
    try:
        library = ctypes.CDLL(str(path))
    except OSError as e:
        raise LibraryNotFoundError(
            f"cannot load libvoipcore from {path}: {e}. Build it with ./build.sh at the repo root, "
            f"or set {LIBRARY_ENV_VAR} to the path of libvoipcore.so.0."
        ) from e
    for name, (restype, argtypes) in _PROTOTYPES.items():
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes
    return library


lib = _load()
