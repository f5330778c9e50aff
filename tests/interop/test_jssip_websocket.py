"""JsSIP (an independent SIP-over-WebSocket stack, from npm) registering to vcphone's registrar over WS."""

import subprocess
from pathlib import Path

from ports import free_port

JSSIP = Path(__file__).resolve().parent / "jssip"


def test_jssip_registers_over_websocket(vcphone) -> None:
    port = free_port()
    # JsSIP answers the first challenge and only knows MD5.
    phone = vcphone("--listen", f"ws:127.0.0.1:{port}", "--registrar", "--algorithms", "MD5", "--user", "alice:secret",
                    "--duration", "20")
    phone.wait_for(lambda e: e["event"] == "engine_started")
    result = subprocess.run(["node", "register.js", f"ws://127.0.0.1:{port}", "sip:alice@127.0.0.1", "secret"], cwd=JSSIP,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"status":200' in result.stdout
    added = phone.wait_for(lambda e: e["event"] == "registrar_binding" and e["detail"]["action"] == "added")
    assert added["detail"]["source"].startswith("ws:127.0.0.1:")
    assert "transport=ws" in added["detail"]["contact"]
    # JsSIP un-registers when it stops.
    phone.wait_for(lambda e: e["event"] == "registrar_binding" and e["detail"]["action"] == "removed")


def test_jssip_with_a_wrong_password_is_refused(vcphone) -> None:
    port = free_port()
    phone = vcphone("--listen", f"ws:127.0.0.1:{port}", "--registrar", "--algorithms", "MD5", "--user", "alice:secret",
                    "--duration", "20")
    phone.wait_for(lambda e: e["event"] == "engine_started")
    result = subprocess.run(["node", "register.js", f"ws://127.0.0.1:{port}", "sip:alice@127.0.0.1", "nope"], cwd=JSSIP,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert '"status":403' in result.stdout, result.stdout
