"""Engine events: EventType, the immutable Event copied out of a vc_event_t, and the enums its
value fields carry (RegistrationState, BindingAction)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Callable

from ._native import NativeEvent


class _OpenIntEnum(IntEnum):
    """An IntEnum that names numbers it does not know "UNKNOWN_<n>" instead of rejecting them.

    The library grows event types and states as layers land; a binding older than the library must
    still deliver those values rather than fail.
    """

    @classmethod
    def _missing_(cls, value: object) -> _OpenIntEnum | None:
        if not isinstance(value, int):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member


class EventType(_OpenIntEnum):
    """vc_event_type_t."""

    NONE = 0
    ENGINE_STARTED = 1
    USER = 2
    EVENTS_DROPPED = 3
    REGISTRATION_STATE = 10
    REGISTRAR_BINDING = 11
    REQUEST_RESULT = 12
    MESSAGE_RECEIVED = 13
    KEEPALIVE = 14
    CALL_INCOMING = 20
    CALL_STATE = 21
    CALL_DTMF = 22
    CALL_QUALITY = 23
    CALL_QUALITY_WARNING = 24
    CALL_RTP_TIMEOUT = 25
    CALL_MEDIA_ENDED = 26


class RegistrationState(_OpenIntEnum):
    """vc_registration_state_t: an account's registration (Account.state, REGISTRATION_STATE events)."""

    IDLE = 0
    REGISTERING = 1
    REGISTERED = 2
    UNREGISTERING = 3
    UNREGISTERED = 4
    FAILED = 5  # retried with exponential backoff (2 s doubling, 5 min at most)


class BindingAction(_OpenIntEnum):
    """What the registrar did to a binding: the value of a REGISTRAR_BINDING event.

    The header names this vc_binding_action_t without defining it; the numbers are the library's,
    and each member's lower-case name is the event detail's "action".
    """

    ADDED = 0
    REFRESHED = 1
    REMOVED = 2
    EXPIRED = 3


@dataclass(frozen=True)
class Event:
    """One engine event. Fields that do not apply to the event's type are 0 or None.

    `detail` is the event's detail JSON object, decoded. The properties below read `value` and
    `value2` as the event's type defines them, and are None for other types:

    - REGISTRATION_STATE: registration_state (value), status_code (value2, 0 if none);
      detail {"state", "code", "reason", "expires", "aor", "contact"}.
    - REGISTRAR_BINDING: binding_action (value);
      detail {"action", "aor", "contact", "expires", "source"}.
    - REQUEST_RESULT: status_code (value), request_id (value2);
      detail {"method", "uri", "code", "reason"}.
    - MESSAGE_RECEIVED: value is the body length in bytes, text the body;
      detail {"from", "to", "content_type", "body", "source"}.
    - KEEPALIVE: status_code (value, 408 when unanswered); detail {"method", "uri", "code", "reason"}.

    `handle` is the account for REGISTRATION_STATE and KEEPALIVE, and for REQUEST_RESULT the
    account the request was sent from (0 if none); see Engine.find_account().
    """

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

    @property
    def registration_state(self) -> RegistrationState | None:
        """The account's new state, for REGISTRATION_STATE events."""
        return RegistrationState(self.value) if self.type == EventType.REGISTRATION_STATE else None

    @property
    def binding_action(self) -> BindingAction | None:
        """What happened to the binding, for REGISTRAR_BINDING events."""
        return BindingAction(self.value) if self.type == EventType.REGISTRAR_BINDING else None

    @property
    def status_code(self) -> int | None:
        """The SIP status behind REGISTRATION_STATE (0 if none), REQUEST_RESULT and KEEPALIVE events.

        408 and 503 may be made up locally (timeout, transport failure); a REQUEST_RESULT of 0
        means the request could not be sent at all (detail["reason"] says why).
        """
        if self.type == EventType.REGISTRATION_STATE:
            return self.value2
        if self.type in (EventType.REQUEST_RESULT, EventType.KEEPALIVE):
            return self.value
        return None

    @property
    def request_id(self) -> int | None:
        """For REQUEST_RESULT events, the id Engine.send_options() / send_message() returned."""
        return self.value2 if self.type == EventType.REQUEST_RESULT else None

    @property
    def text(self) -> str | None:
        """For MESSAGE_RECEIVED events, the message body (detail["body"])."""
        if self.type != EventType.MESSAGE_RECEIVED or self.detail is None:
            return None
        body: str = self.detail["body"]
        return body


EventHandler = Callable[[Event], None]
"""Receives each event on the engine's dispatch thread."""
