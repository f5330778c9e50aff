"""Engine events: EventType and the immutable Event copied out of a vc_event_t."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Callable

from ._native import NativeEvent


class EventType(IntEnum):
    """vc_event_type_t."""

    NONE = 0
    ENGINE_STARTED = 1
    USER = 2
    EVENTS_DROPPED = 3

    @classmethod
    def _missing_(cls, value: object) -> EventType | None:
        # The library grows event types as layers land; a binding older than the library must
        # still deliver those events rather than fail, so unknown numbers become named members.
        if not isinstance(value, int):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member


@dataclass(frozen=True)
class Event:
    """One engine event. Fields that do not apply to the event's type are 0 or None."""

    type: EventType
    sequence: int
    handle: int
    related: int
    value: int
    value2: int
    # Left out of the hash (a dict has none) so that events stay usable as set members and keys.
    detail: dict[str, Any] | None = field(default=None, hash=False)

    @classmethod
    def from_native(cls, native: NativeEvent) -> Event:
        """Copies every field out of `native`, whose detail pointer dies soon after the callback or poll."""
        detail_json = native.detail_json
        return cls(
            type=EventType(native.type),
            sequence=native.sequence,
            handle=native.handle,
            related=native.related,
            value=native.value,
            value2=native.value2,
            detail=None if detail_json is None else json.loads(detail_json),
        )


EventHandler = Callable[[Event], None]
"""Receives each event on the engine's dispatch thread."""
