"""Calls through Kamailio between our account and baresip, both directions.

Kamailio challenges every INVITE with 407 and relays it to the callee's registered contact with
Record-Route, so the caller must answer a proxy challenge and both sides must route the in-dialog
requests (ACK, BYE) back through it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_match import match
from conftest import call_state
from ports import free_port

CODEC = "pcmu"
# The tests take `kamailio` first so that it is torn down last: baresip un-registers when stopped and
# would wait for a registrar that is gone.


def start_phone(vcphone, kamailio, user: str, password: str, *args: str):
    return vcphone("--listen", f"udp:127.0.0.1:{free_port()}", "--account", f"sip:{user}@127.0.0.1:{kamailio.port}",
                   "--password", password, "--codec", CODEC, "--duration", "30", *args)


def registered_baresip(baresip, kamailio, speech, dial: str | None = None):
    agent = baresip(CODEC, speech("peer", CODEC), registrar=f"127.0.0.1:{kamailio.port}", password="bobpass", dial=dial)
    agent.wait_for(r"bob@127\.0\.0\.1.*200 OK")  # baresip's "{0/UDP/v4} 200 OK" on registration
    return agent


@pytest.mark.parametrize("caller", ["us", "baresip"])
def test_call_through_kamailio(kamailio, vcphone, baresip, speech, tmp_path: Path, caller: str) -> None:
    recording = tmp_path / "heard.wav"
    media = ("--play", str(speech("ours", CODEC)), "--record", str(recording))
    if caller == "us":
        agent = registered_baresip(baresip, kamailio, speech)
        phone = start_phone(vcphone, kamailio, "alice", "secret123", *media, "--register", "--call",
                            f"sip:bob@127.0.0.1:{kamailio.port}")
    else:
        phone = start_phone(vcphone, kamailio, "alice", "secret123", *media, "--register", "--auto-answer")
        phone.wait_for(lambda e: e["event"] == "registration_state" and e["detail"]["state"] == "registered")
        agent = registered_baresip(baresip, kamailio, speech, dial=f"sip:alice@127.0.0.1:{kamailio.port}")

    phone.wait_for(call_state(3))
    ended = phone.wait_for(call_state(7), timeout=20)
    assert ended["value2"] == 3, ended  # baresip hung up (at the end of its sentence), not us
    assert phone.finish() == 0
    agent.wait_for(r"terminated \(duration")
    agent.stop()

    callee = "bob" if caller == "us" else "alice"
    invites = [i for i in kamailio.logged("INVITE") if i["to"] == callee]
    assert [i["result"] for i in invites] == ["challenged", "authorized"], invites

    for sent, received in ((speech("peer", CODEC), recording), (speech("ours", CODEC), agent.recording("dec"))):
        heard = match(sent, received)
        assert len(heard.scores) >= 8 and heard.median > 0.8, heard  # PCMU, as in test_baresip_calls

    # The proxy Record-Routes: ACK and BYE must pass it whichever side called (RFC 3261 12.1.1, 16.6).
    in_dialog = {d["method"] for d in kamailio.logged("DIALOG") if d["callid"] == invites[-1]["callid"]}
    assert {"ACK", "BYE"} <= in_dialog, in_dialog


def test_call_placed_while_registering(kamailio, vcphone, baresip, speech) -> None:
    """dave registers and calls at once; the test registrar holds his authorised REGISTER for 300 ms and
    the 407 to his INVITE for 100 ms (kamailio/registrar.cfg.in), so that 407 always comes while the
    REGISTER awaits its verdict: the INVITE's first challenge must still be answered, not taken for a
    refusal of the REGISTER's credentials."""
    registered_baresip(baresip, kamailio, speech)
    phone = start_phone(vcphone, kamailio, "dave", "davepass", "--register", "--call", f"sip:bob@127.0.0.1:{kamailio.port}",
                        "--hangup-after", "0.5")
    ended = phone.wait_for(call_state(7), timeout=20)
    assert ended["detail"]["code"] != 407, ended
    assert [e["value"] for e in phone.events if e["event"] == "call_state"][-2:] == [6, 7], ended  # we hung up
