"""DTMF from one engine's call to the other's, by RFC 4733 events and by SIP INFO."""

from __future__ import annotations

import pytest

from call_peers import connect
from sip_peers import Peer
from voipcore import DtmfMethod, EventType, InvalidArgumentError

EVERY_DIGIT = "0123456789*#ABCD"


@pytest.mark.parametrize(
    ("method", "digits", "arrives_as"),
    [
        # AUTO picks RFC 4733 as the engines agree on telephone-event; a few digits show it (each
        # RFC 4733 digit takes about 200 ms).
        (DtmfMethod.AUTO, "7#", "rfc4733"),
        (DtmfMethod.RFC4733, EVERY_DIGIT, "rfc4733"),
        (DtmfMethod.INFO, EVERY_DIGIT, "info"),
    ],
    ids=["auto", "rfc4733", "info"],
)
def test_digits_arrive_in_order(caller: Peer, callee: Peer, method: DtmfMethod, digits: str, arrives_as: str) -> None:
    outgoing, incoming = connect(caller, callee)
    outgoing.send_dtmf(digits, method)
    received = [callee.events.next_of_type(EventType.CALL_DTMF) for _ in digits]
    assert "".join(event.dtmf_digit or "?" for event in received) == digits
    for event in received:
        assert event.call is incoming and event.detail is not None
        assert event.detail["method"] == arrives_as
        assert event.detail["digit"] == event.dtmf_digit == chr(event.value)
        assert event.value2 == event.detail["duration_ms"] > 0


def test_a_character_that_is_no_digit_is_refused_naming_it(caller: Peer, callee: Peer) -> None:
    outgoing, _ = connect(caller, callee)
    with pytest.raises(InvalidArgumentError, match="'x'"):
        outgoing.send_dtmf("1x")
