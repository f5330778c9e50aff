"""Engine events: EventType, the immutable Event copied out of a vc_event_t, and the enums its
value fields carry (RegistrationState, BindingAction, CallState)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Callable

from ._native import NativeEvent
from .call_stats import CallStats

if TYPE_CHECKING:
    from .call import Call


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
    CALL_TRANSFER = 27


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


class CallState(_OpenIntEnum):
    """vc_call_state_t: a call's state (Call.state, the value and value2 of CALL_STATE events)."""

    INITIALIZING = 0  # created, nothing sent yet
    DIALING = 1  # outgoing: INVITE sent
    RINGING = 2  # outgoing: the far end rings; incoming: waiting for a decision
    CONNECTED = 3
    ON_HOLD = 4  # we put it on hold (the peer holding us shows as remote_hold)
    TRANSFERRING = 5
    TERMINATING = 6  # our BYE or CANCEL is out
    TERMINATED = 7


# The event types whose handle is a call.
CALL_EVENTS = frozenset(
    {
        EventType.CALL_INCOMING,
        EventType.CALL_STATE,
        EventType.CALL_DTMF,
        EventType.CALL_QUALITY,
        EventType.CALL_QUALITY_WARNING,
        EventType.CALL_RTP_TIMEOUT,
        EventType.CALL_MEDIA_ENDED,
        EventType.CALL_TRANSFER,
    }
)


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
    - CALL_INCOMING: related is the account called (0 if none);
      detail {"from", "to", "call_id", "source", "codec", "replaces"}.
    - CALL_STATE: call_state (value), previous_call_state (value2, equal to value when only
      remote_hold changed), status_code (detail["code"], 0 if none), remote_hold, and on
      TERMINATED call_stats (the final report); detail {"state", "previous", "direction",
      "code", "reason", "remote_hold", "duration_s", "stats"}.
    - CALL_DTMF: dtmf_digit (value as a character); value2 and detail["duration_ms"] its
      duration; detail {"digit", "method": "rfc4733" | "info", "duration_ms"}.
    - CALL_QUALITY: call_stats (the detail); value is the MOS x 100.
    - CALL_QUALITY_WARNING: call_stats (detail["stats"]); detail {"reason": "loss" | "rtt",
      "value", "threshold", "stats"}.
    - CALL_RTP_TIMEOUT: value is the seconds without RTP. CALL_MEDIA_ENDED: nothing more.
    - CALL_TRANSFER: transfer progress; as transferor value is the SIP status reached (202, 180, 200,
      >= 300 failed); as transferee `related` is the new call the library placed; detail {"role",
      "code", "reason", "new_call"} (handles in detail JSON are decimal strings).

    `handle` is the account for REGISTRATION_STATE and KEEPALIVE, and for REQUEST_RESULT the
    account the request was sent from (0 if none); see Engine.find_account(). For the CALL_*
    events it is the call, which `call` gives as a Call when the event came from
    Engine.poll_event(), events() or an on_event() handler (None for other types).
    """

    type: EventType
    sequence: int
    handle: int
    related: int
    value: int
    value2: int
    # Left out of the hash (a dict has none) so that events stay usable as set members and keys.
    detail: dict[str, Any] | None = field(default=None, hash=False)
    call: Call | None = None

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
        """The SIP status behind REGISTRATION_STATE, CALL_STATE (0 if none for either),
        REQUEST_RESULT and KEEPALIVE events.

        408 and 503 may be made up locally (timeout, transport failure); a REQUEST_RESULT of 0
        means the request could not be sent at all (detail["reason"] says why).
        """
        if self.type == EventType.REGISTRATION_STATE:
            return self.value2
        if self.type in (EventType.REQUEST_RESULT, EventType.KEEPALIVE):
            return self.value
        if self.type == EventType.CALL_STATE and self.detail is not None:
            code: int = self.detail["code"]
            return code
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

    @property
    def call_state(self) -> CallState | None:
        """The call's new state, for CALL_STATE events."""
        return CallState(self.value) if self.type == EventType.CALL_STATE else None

    @property
    def previous_call_state(self) -> CallState | None:
        """The call's state before this CALL_STATE event (the same when only remote_hold changed)."""
        return CallState(self.value2) if self.type == EventType.CALL_STATE else None

    @property
    def remote_hold(self) -> bool | None:
        """For CALL_STATE events, whether the peer holds the call now."""
        if self.type != EventType.CALL_STATE or self.detail is None:
            return None
        held: bool = self.detail["remote_hold"]
        return held

    @property
    def dtmf_digit(self) -> str | None:
        """For CALL_DTMF events, the digit received: '0'-'9', '*', '#' or 'A'-'D'."""
        return chr(self.value) if self.type == EventType.CALL_DTMF else None

    @property
    def call_stats(self) -> CallStats | None:
        """The stats a CALL_STATE event carries on TERMINATED (the final report), or a
        CALL_QUALITY or CALL_QUALITY_WARNING event carries; None otherwise."""
        if self.detail is None:
            return None
        if self.type == EventType.CALL_STATE and self.detail["stats"] is not None:
            return CallStats.from_json(self.detail["stats"], self.detail["duration_s"])
        if self.type == EventType.CALL_QUALITY:
            return CallStats.from_json(self.detail)
        if self.type == EventType.CALL_QUALITY_WARNING:
            return CallStats.from_json(self.detail["stats"])
        return None


EventHandler = Callable[[Event], None]
"""Receives each event on the engine's dispatch thread."""
