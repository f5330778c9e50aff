"""The binding's enums against the constants of include/voipcore.h, so the two cannot drift apart."""

from __future__ import annotations

from enum import IntEnum

import pytest

from header import header_enum
from voipcore import BindingAction, ErrorCode, Event, EventType, LogLevel, RegistrationState


@pytest.mark.parametrize(
    ("enum", "c_name", "prefix"),
    [
        (ErrorCode, "vc_error", "^VC_(E_)?"),
        (EventType, "vc_event_type", "^VC_EVENT_"),
        (LogLevel, "vc_log_level", "^VC_LOG_"),
        (RegistrationState, "vc_registration_state", "^VC_REG_"),
        (BindingAction, "vc_binding_action", "^VC_BINDING_"),
    ],
)
def test_enum_mirrors_the_header(enum: type[IntEnum], c_name: str, prefix: str) -> None:
    assert {member.name: member.value for member in enum} == header_enum(c_name, prefix)


@pytest.mark.parametrize("enum", [EventType, RegistrationState, BindingAction])
def test_a_value_newer_than_the_binding_is_kept(enum: type[IntEnum]) -> None:
    unknown = enum(99)
    assert (unknown, unknown.name, type(unknown)) == (99, "UNKNOWN_99", enum)


def test_events_are_hashable_despite_their_detail_dict() -> None:
    event = Event(EventType.USER, 1, 0, 0, 5, 0, {"k": "v"})
    assert event in {event}
