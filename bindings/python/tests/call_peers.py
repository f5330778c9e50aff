"""Calls between two loopback engines (see sip_peers), and bounded waits on what they report."""

from __future__ import annotations

import time
from typing import Any, Callable

from recorder import DELIVERY_TIMEOUT
from sip_peers import Peer
from voipcore import Call, CallState, Event, EventType


def dial(caller: Peer, callee: Peer, **options: Any) -> tuple[Call, Call]:
    """Calls the callee's listener from the caller's engine (options as for Engine.call);
    returns (outgoing, incoming) once the callee has announced the call."""
    outgoing = caller.engine.call(f"sip:bob@{callee.host_port}", **options)
    incoming = callee.events.next_of_type(EventType.CALL_INCOMING).call
    assert incoming is not None
    return outgoing, incoming


def next_state(peer: Peer, call: Call, state: CallState | None = None) -> Event:
    """The call's next CALL_STATE event on the peer (the next one reaching `state`, if given)."""
    return peer.events.next(
        lambda event: event.call == call
        and event.call_state is not None
        and (state is None or event.call_state == state)
    )


def states_seen(peer: Peer, call: Call) -> list[CallState | None]:
    """Every state the peer's CALL_STATE events reported for the call so far, in order."""
    return [event.call_state for event in peer.events.of_type(EventType.CALL_STATE) if event.call == call]


def connect(caller: Peer, callee: Peer, **options: Any) -> tuple[Call, Call]:
    """dial(), answered: returns (outgoing, incoming) once both sides are CONNECTED."""
    outgoing, incoming = dial(caller, callee, **options)
    incoming.answer()
    next_state(caller, outgoing, CallState.CONNECTED)
    next_state(callee, incoming, CallState.CONNECTED)
    return outgoing, incoming


def wait_until(condition: Callable[[], bool], what: str, timeout: float = DELIVERY_TIMEOUT) -> None:
    """Polls `condition` until it holds; fails the test with `what` if it does not in time."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.02)
