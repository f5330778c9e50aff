"""SIPp as a registering UAC against vcphone's registrar (digest auth), over UDP and TCP.

Debian's SIPp is built without OpenSSL ("To use a TLS transport you must compile SIPp with
OpenSSL"), so for TLS SIPp registers through Kamailio, which relays to our registrar over TLS."""

import json
from pathlib import Path

import pytest

from conftest import sipp, sipp_errors
from ports import free_port


def registrar(vcphone, port: int, *extra: str):
    # SIPp 3.6 answers only the first challenge and only knows MD5: offer MD5 alone.
    phone = vcphone("--listen", f"udp:127.0.0.1:{port}", "--listen", f"tcp:127.0.0.1:{port}", *extra,
                    "--registrar", "--algorithms", "MD5", "--user", "alice:secret", "--duration", "20")
    phone.wait_for(lambda e: e["event"] == "engine_started")
    return phone


@pytest.mark.parametrize("transport,sipp_flag", [("udp", "u1"), ("tcp", "t1")])
def test_sipp_registers_after_a_401_challenge(vcphone, tmp_path: Path, transport: str, sipp_flag: str) -> None:
    port = free_port()
    phone = registrar(vcphone, port)
    result = sipp("register_auth.xml", f"127.0.0.1:{port}", "-t", sipp_flag, "-s", "alice", "-au", "alice", "-ap", "secret",
                  cwd=tmp_path)
    assert result.returncode == 0, sipp_errors(tmp_path) + result.stdout[-2000:]
    added = phone.wait_for(lambda e: e["event"] == "registrar_binding" and e["detail"]["action"] == "added")
    assert added["detail"]["source"].startswith(f"{transport}:127.0.0.1:")
    assert f"transport={transport.upper()}" in added["detail"]["contact"]


def test_sipp_with_a_wrong_password_is_refused(vcphone, tmp_path: Path) -> None:
    port = free_port()
    phone = registrar(vcphone, port)
    result = sipp("register_wrong_password.xml", f"127.0.0.1:{port}", "-s", "alice", "-au", "alice", "-ap", "not-it",
                  cwd=tmp_path)
    assert result.returncode == 0, sipp_errors(tmp_path) + result.stdout[-2000:]
    # Nothing was bound: a correct registration afterwards is the first binding.
    result = sipp("register_auth.xml", f"127.0.0.1:{port}", "-s", "alice", "-au", "alice", "-ap", "secret", cwd=tmp_path)
    assert result.returncode == 0
    first = phone.wait_for(lambda e: e["event"] == "registrar_binding")
    assert first["detail"]["action"] == "added"


def test_sipp_registers_through_kamailio_relaying_over_tls(vcphone, kamailio, tmp_path: Path, tls_files) -> None:
    config = json.dumps({"sip": {"tls": {"certificate": str(tls_files["cert"]), "private_key": str(tls_files["key"])}}})
    phone = vcphone("--config", config, "--listen", f"tls:127.0.0.1:{kamailio.relay_port}", "--registrar", "--algorithms",
                    "MD5", "--user", "carol:carolpw", "--duration", "20")
    phone.wait_for(lambda e: e["event"] == "engine_started")
    result = sipp("register_auth.xml", f"127.0.0.1:{kamailio.port}", "-s", "carol", "-au", "carol", "-ap", "carolpw",
                  cwd=tmp_path)
    assert result.returncode == 0, sipp_errors(tmp_path) + result.stdout[-2000:]
    added = phone.wait_for(lambda e: e["event"] == "registrar_binding" and e["detail"]["action"] == "added")
    # The REGISTER reached us over TLS, from Kamailio's TLS client, and Kamailio says it relayed both attempts.
    assert added["detail"]["source"].startswith("tls:127.0.0.1:")
    assert len([l for l in kamailio.log.read_text().splitlines() if "RELAY user=carol" in l]) == 2
