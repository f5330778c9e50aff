"""Call signalling between two engines over loopback: connect, end, refuse, redirect, hold."""

from __future__ import annotations

import time

import pytest

from call_peers import connect, dial, next_state, states_seen, wait_until
from sip_peers import Peer, open_peer
from voipcore import CallState, Engine, EventType, InvalidHandleError

S = CallState


def test_a_call_connects_and_hangs_up_with_final_stats(caller: Peer, callee: Peer) -> None:
    outgoing = caller.engine.call(f"sip:bob@{callee.host_port}")
    announced = callee.events.next_of_type(EventType.CALL_INCOMING)
    assert announced.call is not None
    incoming = announced.call
    assert announced.handle == incoming.handle
    assert announced.detail is not None
    assert announced.detail["to"] == f"<sip:bob@{callee.host_port}>"
    assert announced.detail["source"] == caller.address
    ringing = next_state(callee, incoming)
    assert (ringing.call_state, ringing.previous_call_state) == (S.RINGING, S.INITIALIZING)
    assert incoming.state == S.RINGING
    assert callee.engine.calls == [incoming] and callee.engine.find_call(incoming.handle) is incoming
    assert caller.engine.calls == [outgoing] and caller.engine.find_call(outgoing.handle) is outgoing

    incoming.answer()
    connected = next_state(caller, outgoing, S.CONNECTED)
    assert connected.call is outgoing  # the events hand out the very Call that Engine.call() returned
    assert (connected.previous_call_state, connected.status_code) == (S.RINGING, 200)
    assert next_state(callee, incoming, S.CONNECTED).call is incoming
    assert outgoing.state == incoming.state == S.CONNECTED
    wait_until(lambda: incoming.stats().packets_received >= 10, "media reaches the callee")
    assert outgoing.stats().codec == incoming.stats().codec != ""

    outgoing.hangup()
    ended = next_state(caller, outgoing, S.TERMINATED)
    far_end = next_state(callee, incoming, S.TERMINATED)
    assert states_seen(caller, outgoing) == [S.DIALING, S.RINGING, S.CONNECTED, S.TERMINATING, S.TERMINATED]
    assert states_seen(callee, incoming) == [S.RINGING, S.CONNECTED, S.TERMINATED]
    assert ended.call is outgoing and far_end.call is incoming
    for event in (ended, far_end):
        stats = event.call_stats
        assert stats is not None and event.detail is not None
        assert stats.packets_sent >= 10 and stats.packets_received >= 10 and stats.codec
        assert stats.duration_s == event.detail["duration_s"] > 0
    assert caller.engine.calls == [] and callee.engine.find_call(incoming.handle) is None


@pytest.mark.parametrize(("reject", "code"), [((), 486), ((603,), 603)])
def test_a_rejected_call_ends_with_the_status_on_both_sides(
    caller: Peer, callee: Peer, reject: tuple[int, ...], code: int
) -> None:
    outgoing, incoming = dial(caller, callee)
    incoming.reject(*reject)
    assert next_state(caller, outgoing, S.TERMINATED).status_code == code
    assert next_state(callee, incoming, S.TERMINATED).status_code == code
    assert S.CONNECTED not in states_seen(caller, outgoing)


def test_hanging_up_while_ringing_cancels_with_487_on_both_sides(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = dial(caller, callee)
    assert next_state(caller, outgoing, S.RINGING).status_code == 180
    outgoing.hangup()
    assert next_state(caller, outgoing, S.TERMINATED).status_code == 487
    assert next_state(callee, incoming, S.TERMINATED).status_code == 487


def test_a_forwarded_call_ends_with_302(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = dial(caller, callee)
    incoming.forward(f"sip:carol@{callee.host_port}")
    assert next_state(caller, outgoing, S.TERMINATED).status_code == 302


def test_a_deferred_call_is_refused_with_480_when_nobody_decides(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = dial(caller, callee)
    deferred_at = time.monotonic()
    incoming.defer(0.3)
    assert next_state(callee, incoming, S.TERMINATED).status_code == 480
    # .NET timers count whole milliseconds of a coarser clock: they may fire a couple of ms early.
    assert time.monotonic() - deferred_at >= 0.29
    assert next_state(caller, outgoing, S.TERMINATED).status_code == 480


def test_hold_and_resume_show_as_remote_hold_at_the_callee(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = connect(caller, callee)
    outgoing.hold()
    held = next_state(caller, outgoing)
    assert (held.call_state, held.previous_call_state, held.remote_hold) == (S.ON_HOLD, S.CONNECTED, False)
    told = next_state(callee, incoming)
    assert (told.call_state, told.previous_call_state, told.remote_hold) == (S.CONNECTED, S.CONNECTED, True)
    assert (outgoing.state, incoming.state) == (S.ON_HOLD, S.CONNECTED)

    outgoing.resume()
    resumed = next_state(caller, outgoing)
    assert (resumed.call_state, resumed.previous_call_state, resumed.remote_hold) == (S.CONNECTED, S.ON_HOLD, False)
    told = next_state(callee, incoming)
    assert (told.call_state, told.previous_call_state, told.remote_hold) == (S.CONNECTED, S.CONNECTED, False)


def test_a_short_hold_leaves_the_receive_delay_within_jitter_max(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = connect(caller, callee)
    wait_until(lambda: outgoing.stats().packets_received >= 10, "media reaches the caller")
    outgoing.hold()
    next_state(caller, outgoing, S.ON_HOLD)
    time.sleep(0.5)
    outgoing.resume()
    next_state(caller, outgoing, S.CONNECTED)
    time.sleep(0.5)
    jitter_max_ms: int = caller.engine.config["media"]["jitter_max_ms"]
    assert outgoing.stats().jitter_buffer_ms <= jitter_max_ms


def test_polled_events_carry_their_call_too(caller: Peer) -> None:
    with Engine() as polled:
        address = polled.listen("udp:127.0.0.1:0")
        caller.engine.call(f"sip:bob@{address.split(':', 1)[1]}")
        announced = next(event for event in polled.events(timeout=5) if event.type == EventType.CALL_INCOMING)
        assert announced.call is not None and polled.find_call(announced.handle) is announced.call
        announced.call.reject()
        ended = next(event for event in polled.events(timeout=5) if event.call_state == S.TERMINATED)
        assert ended.call is announced.call and polled.calls == []


def test_closing_an_engine_hangs_up_its_calls(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = connect(caller, callee)
    caller.engine.close()
    assert caller.engine.calls == []
    with pytest.raises(InvalidHandleError):
        outgoing.state
    ended = next_state(callee, incoming, S.TERMINATED)
    assert ended.detail is not None and ended.detail["reason"] == "the peer hung up"


def test_events_of_other_types_name_no_call(caller: Peer) -> None:
    started = caller.events.next_of_type(EventType.ENGINE_STARTED)
    assert (started.call, started.call_state, started.call_stats, started.dtmf_digit, started.remote_hold) == (
        None, None, None, None, None,
    )


def test_quality_reports_carry_the_call_stats(caller: Peer) -> None:
    with open_peer(config={"media": {"quality_interval_s": 1}}) as callee:
        _, incoming = connect(caller, callee)
        report = callee.events.next_of_type(EventType.CALL_QUALITY)
        stats = report.call_stats
        assert report.call is incoming and stats is not None
        assert stats.packets_received > 0 and stats.duration_s is None  # a quality report does not carry it
        assert report.value == round(stats.mos * 100)
