"""OPTIONS and MESSAGE between vcphone and SIPp, both directions, over UDP."""

import subprocess
from pathlib import Path

from conftest import sipp, sipp_command, sipp_errors
from ports import free_port


def start_sipp_server(scenario: str, port: int, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(sipp_command(scenario, None, "-bind_local", port=port, timeout=20),
                            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_vcphone_options_and_message_reach_sipp(vcphone, tmp_path: Path) -> None:
    for scenario, args in [("uas_options.xml", ["--options"]), ("uas_message.xml", ["--message"])]:
        sipp_port = free_port()
        server = start_sipp_server(scenario, sipp_port, tmp_path)
        target = f"sip:sipp@127.0.0.1:{sipp_port}"
        extra = [target, "hello from vcphone"] if args == ["--message"] else [target]
        phone = vcphone("--listen", f"udp:127.0.0.1:{free_port()}", *args, *extra, "--duration", "10")
        result = phone.wait_for(lambda e: e["event"] == "request_result")
        assert result["value"] == 200, result
        assert server.wait(timeout=20) == 0, sipp_errors(tmp_path)


def test_sipp_options_and_message_reach_vcphone(vcphone, tmp_path: Path) -> None:
    port = free_port()
    phone = vcphone("--listen", f"udp:127.0.0.1:{port}", "--duration", "20")
    phone.wait_for(lambda e: e["event"] == "engine_started")
    for scenario in ("uac_options.xml", "uac_message.xml"):
        result = sipp(scenario, f"127.0.0.1:{port}", "-s", "bob", cwd=tmp_path)
        assert result.returncode == 0, sipp_errors(tmp_path) + result.stdout[-2000:]
    received = phone.wait_for(lambda e: e["event"] == "message_received")
    assert received["detail"]["body"].strip() == "hello from sipp"
    assert received["detail"]["content_type"] == "text/plain"
