"""Calls with SIPp: it echoes our RTP, sends us RFC 4733 DTMF from pcaps, holds us by re-INVITE, and
transfers us by REFER."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from audio_match import match
from conftest import SCENARIOS, call_state, sipp, sipp_errors
from ports import free_port, free_port_range
from rfc4733_pcap import rfc4733_digits


def media_args() -> list[str]:
    """SIPp's RTP address: its own ports (it takes the one given and the next ones for RTCP and video)."""
    return ["-mi", "127.0.0.1", "-mp", str(free_port_range(4)[0])]


def test_sipp_echo_returns_our_speech(vcphone, speech, tmp_path: Path) -> None:
    port = free_port()
    echo = subprocess.Popen(["sipp", "-sn", "uas", "-rtp_echo", "-i", "127.0.0.1", "-p", str(port), *media_args(),
                             "-cp", str(free_port()), "-m", "1", "-nostdin", "-trace_err", "-timeout", "20"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        sent, recording = speech("ours", "pcmu"), tmp_path / "echo.wav"
        phone = vcphone("--listen", f"udp:127.0.0.1:{free_port()}", "--call", f"sip:echo@127.0.0.1:{port}", "--codec", "pcmu",
                        "--play", str(sent), "--record", str(recording), "--hangup-after", "4", "--duration", "20")
        phone.wait_for(call_state(3))
        assert phone.finish() == 0
        ended = phone.wait_for(call_state(7))
        assert ended["value2"] == 6, ended  # our BYE, answered
        assert echo.wait(timeout=15) == 0, sipp_errors(tmp_path) + echo.stderr.read()
    finally:
        if echo.poll() is None:
            echo.kill()
            echo.wait()

    heard = match(sent, recording)
    assert 3.5 < heard.received_s < 4.5, heard  # recorded from the answer until our BYE, 4 s later
    assert heard.delay_s < 0.3, heard  # loopback round trip plus our jitter buffer
    assert len(heard.scores) >= 8 and heard.median > 0.8, heard  # PCMU both ways, as in test_baresip_calls


def test_rfc4733_digits_from_sipp(vcphone, tmp_path: Path) -> None:
    scenario = SCENARIOS / "uac_dtmf_2833.xml"
    pcaps = re.findall(r'play_pcap_audio="([^"]+)"', scenario.read_text())
    expected = "".join(rfc4733_digits(Path(p)) for p in pcaps)
    assert expected == "1259*#"  # what the sample captures hold, one digit each

    port = free_port()
    phone = vcphone("--listen", f"udp:127.0.0.1:{port}", "--auto-answer", "--codec", "pcmu", "--duration", "20")
    phone.wait_for(lambda e: e["event"] == "listening")
    result = sipp(scenario.name, f"127.0.0.1:{port}", "-s", "bob", *media_args(), cwd=tmp_path)
    assert result.returncode == 0, sipp_errors(tmp_path) + result.stdout[-2000:]
    assert phone.finish() == 0

    dtmf = [e["detail"] for e in phone.events if e["event"] == "call_dtmf"]
    assert "".join(d["digit"] for d in dtmf) == expected, dtmf
    assert all(d["method"] == "rfc4733" for d in dtmf), dtmf
    assert all(d["duration_ms"] == 280 for d in dtmf), dtmf  # the captures' end packets say 2240 samples at 8 kHz


def test_sipp_holds_and_resumes_us(vcphone, tmp_path: Path) -> None:
    """SIPp checks our SDP answers (recvonly to its sendonly, sendrecv to its sendrecv) and fails the
    call otherwise; we report the hold, and stop sending while held."""
    port = free_port()
    phone = vcphone("--listen", f"udp:127.0.0.1:{port}", "--auto-answer", "--codec", "pcmu", "--duration", "20")
    phone.wait_for(lambda e: e["event"] == "listening")
    result = sipp("uac_hold.xml", f"127.0.0.1:{port}", "-s", "bob", *media_args(), cwd=tmp_path)
    assert result.returncode == 0, sipp_errors(tmp_path) + result.stdout[-2000:]
    assert phone.finish() == 0

    holds = [e["detail"]["remote_hold"] for e in phone.events if e["event"] == "call_state" and e["value"] == e["value2"] == 3]
    assert holds == [True, False], phone.events
    ended = phone.wait_for(call_state(7))["detail"]
    # The scenario holds for 1 s of its ~2.5 s: 50 packets of 20 ms fewer than a call sending throughout.
    assert ended["stats"]["packets_sent"] < (ended["duration_s"] - 0.8) / 0.02, ended


def test_sipp_transfers_us_by_refer(vcphone, tmp_path: Path) -> None:
    """SIPp REFERs us to carol (another vcphone); the scenario fails unless we answer 202 and NOTIFY a
    sipfrag "SIP/2.0 200"; we place the call ourselves and carol answers it."""
    carol_port, bob_port = free_port(), free_port()
    carol = vcphone("--listen", f"udp:127.0.0.1:{carol_port}", "--auto-answer", "--hangup-after", "1", "--duration", "20")
    bob = vcphone("--listen", f"udp:127.0.0.1:{bob_port}", "--auto-answer", "--codec", "pcmu", "--duration", "20")
    carol.wait_for(lambda e: e["event"] == "listening")
    bob.wait_for(lambda e: e["event"] == "listening")
    result = sipp("uac_refer.xml", f"127.0.0.1:{bob_port}", "-s", "bob", "-key", "carol_port", str(carol_port),
                  *media_args(), cwd=tmp_path)
    assert result.returncode == 0, sipp_errors(tmp_path) + result.stdout[-2000:]

    referred = bob.wait_for(lambda e: e["event"] == "call_transfer")
    assert referred["detail"]["role"] == "transferee" and referred["detail"]["reason"] == f"sip:carol@127.0.0.1:{carol_port}"
    offered = carol.wait_for(lambda e: e["event"] == "call_incoming")
    assert "Referred-By" not in offered["detail"]["from"]
    carol.wait_for(call_state(3))
    assert carol.finish() == 0
    assert bob.finish() == 0
