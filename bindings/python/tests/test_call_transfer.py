"""Call transfer across three loopback engines: bob transfers alice's call to carol."""

from __future__ import annotations

from call_peers import connect, next_state
from sip_peers import Peer, open_peer
from voipcore import CallState, EventType


def test_a_blind_transfer_connects_alice_to_carol_and_ends_both_legs_with_bob(caller: Peer, callee: Peer) -> None:
    alice, bob = caller, callee
    with open_peer() as carol:
        to_bob, from_alice = connect(alice, bob, codecs=["pcmu"])
        from_alice.transfer(f"sip:carol@{carol.host_port}")
        next_state(bob, from_alice, CallState.TRANSFERRING)

        referred = alice.events.next(lambda e: e.type == EventType.CALL_TRANSFER and e.detail["role"] == "transferee")
        assert referred.call == to_bob
        at_carol = carol.events.next_of_type(EventType.CALL_INCOMING).call
        assert at_carol is not None
        at_carol.answer()
        next_state(carol, at_carol, CallState.CONNECTED)

        ended = next_state(bob, from_alice, CallState.TERMINATED)
        assert ended.detail["reason"] == "transferred"
        next_state(alice, to_bob, CallState.TERMINATED)
        codes = [e.value for e in bob.events.of_type(EventType.CALL_TRANSFER)]
        assert 202 in codes and codes[-1] == 200, codes
        assert at_carol.state == CallState.CONNECTED
        at_carol.hangup()
        next_state(carol, at_carol, CallState.TERMINATED)
