"""Our account registering to Kamailio: 401 then 200, refreshes, un-REGISTER at shutdown; UDP, TCP and TLS."""

import json
import time

import pytest

from ports import free_port


@pytest.mark.parametrize("transport", ["udp", "tcp", "tls"])
def test_account_registers_refreshes_and_unregisters(vcphone, kamailio, tls_files, transport: str) -> None:
    port = kamailio.tls_port if transport == "tls" else kamailio.port
    config = json.dumps({"sip": {"tls": {"ca_file": str(tls_files["ca"])}}})
    phone = vcphone("--config", config, "--listen", f"udp:127.0.0.1:{free_port()}", "--account", f"sip:alice@127.0.0.1:{port}",
                    "--password", "secret123", "--transport", transport, "--expires", "4", "--register", "--duration", "6")
    registered = phone.wait_for(lambda e: e["event"] == "registration_state" and e["detail"]["state"] == "registered")
    assert registered["value2"] == 200
    assert phone.finish() == 0
    unregistered = [e for e in phone.events if e["event"] == "registration_state" and e["detail"]["state"] == "unregistered"]
    assert unregistered and unregistered[0]["value2"] == 200

    seen = [r for r in kamailio.registers() if r["user"] == "alice"]
    assert seen[0]["result"] == "challenged", seen
    saved = [r for r in seen if r["result"] == "saved"]
    assert all(r["proto"] == transport for r in saved), seen
    # The first binding, at least one refresh before 4 s ran out, and the un-REGISTER: one Call-ID, rising CSeq.
    assert [r["expires"] for r in saved][0] == "4" and saved[-1]["expires"] == "0", seen
    assert len([r for r in saved if r["expires"] == "4"]) >= 2, seen
    assert len({r["callid"] for r in saved}) == 1
    cseqs = [int(r["cseq"]) for r in saved]
    assert cseqs == sorted(cseqs) and len(set(cseqs)) == len(cseqs)


def test_wrong_password_fails_against_kamailio(vcphone, kamailio) -> None:
    phone = vcphone("--listen", f"udp:127.0.0.1:{free_port()}", "--account", f"sip:alice@127.0.0.1:{kamailio.port}",
                    "--password", "wrong", "--register", "--duration", "5")
    failed = phone.wait_for(lambda e: e["event"] == "registration_state" and e["detail"]["state"] == "failed")
    assert failed["value2"] == 401
    assert "refused" in failed["detail"]["reason"]
    time.sleep(0.2)
    assert not [r for r in kamailio.registers() if r["result"] == "saved"]
