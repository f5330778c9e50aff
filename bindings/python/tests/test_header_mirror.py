"""The binding's enums against the constants of include/voipcore.h, so the two cannot drift apart."""

from __future__ import annotations

from enum import IntEnum

import pytest

from header import header_enum
from voipcore import ErrorCode, Event, EventType, LogLevel


@pytest.mark.parametrize(
    ("enum", "c_name", "prefix"),
    [(ErrorCode, "vc_error", "^VC_(E_)?"), (EventType, "vc_event_type", "^VC_EVENT_"), (LogLevel, "vc_log_level", "^VC_LOG_")],
)
def test_enum_mirrors_the_header(enum: type[IntEnum], c_name: str, prefix: str) -> None:
    assert {member.name: member.value for member in enum} == header_enum(c_name, prefix)


def test_an_event_type_newer_than_the_binding_is_kept() -> None:
    unknown = EventType(99)
    assert (unknown, unknown.name) == (99, "UNKNOWN_99")


def test_events_are_hashable_despite_their_detail_dict() -> None:
    event = Event(EventType.USER, 1, 0, 0, 5, 0, {"k": "v"})
    assert event in {event}
