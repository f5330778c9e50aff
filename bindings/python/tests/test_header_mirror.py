"""The binding's enums against the constants of include/voipcore.h, so the two cannot drift apart."""

from __future__ import annotations

import ctypes
from enum import IntEnum

import pytest

from header import header_enum, header_struct_fields
from voipcore import (
    BindingAction,
    CallState,
    DtmfMethod,
    ErrorCode,
    Event,
    EventType,
    LogLevel,
    RecordMode,
    RegistrationState,
)
from voipcore._native import NativeCallStats, lib


@pytest.mark.parametrize(
    ("enum", "c_name", "prefix"),
    [
        (ErrorCode, "vc_error", "^VC_(E_)?"),
        (EventType, "vc_event_type", "^VC_EVENT_"),
        (LogLevel, "vc_log_level", "^VC_LOG_"),
        (RegistrationState, "vc_registration_state", "^VC_REG_"),
        (BindingAction, "vc_binding_action", "^VC_BINDING_"),
        (CallState, "vc_call_state", "^VC_CALL_"),
        (DtmfMethod, "vc_dtmf_method", "^VC_DTMF_"),
        (RecordMode, "vc_record_mode", "^VC_RECORD_"),
    ],
)
def test_enum_mirrors_the_header(enum: type[IntEnum], c_name: str, prefix: str) -> None:
    assert {member.name: member.value for member in enum} == header_enum(c_name, prefix)


@pytest.mark.parametrize("enum", [EventType, RegistrationState, BindingAction, CallState])
def test_a_value_newer_than_the_binding_is_kept(enum: type[IntEnum]) -> None:
    unknown = enum(99)
    assert (unknown, unknown.name, type(unknown)) == (99, "UNKNOWN_99", enum)


def test_the_call_stats_structure_mirrors_the_header_and_the_library() -> None:
    assert [name for name, _ in NativeCallStats._fields_] == header_struct_fields("vc_call_stats")
    stats = NativeCallStats()
    lib.vc_call_stats_init(ctypes.byref(stats))
    assert stats.struct_size == ctypes.sizeof(NativeCallStats)


def test_events_are_hashable_despite_their_detail_dict() -> None:
    event = Event(EventType.USER, 1, 0, 0, 5, 0, {"k": "v"})
    assert event in {event}
