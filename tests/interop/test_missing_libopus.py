"""Without libopus: Opus is refused with a clear error while G.711 and G.722 keep working.

vcphone runs in a private mount namespace (unshare -m, as root) where the libopus file is covered by
/dev/null, so loading it fails exactly as on a machine without libopus0; the network is shared as usual.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, call_state
from ports import free_port

LIBOPUS = Path("/usr/lib/x86_64-linux-gnu/libopus.so.0")


def without_libopus(*args: str) -> subprocess.CompletedProcess[str]:
    hidden = os.path.realpath(LIBOPUS)
    script = f'mount --bind /dev/null "{hidden}" && exec "$0" "$@"'
    return subprocess.run(["unshare", "-m", "sh", "-c", script, str(BIN / "vcphone"), "--json", *args],
                          capture_output=True, text=True, timeout=30)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None, reason="needs root and unshare for a mount namespace")
def test_opus_is_refused_clearly_and_pcmu_still_calls(vcphone) -> None:
    port = free_port()
    bob = vcphone("--listen", f"udp:127.0.0.1:{port}", "--auto-answer", "--duration", "20")
    bob.wait_for(lambda e: e["event"] == "listening")

    refused = without_libopus("--listen", f"udp:127.0.0.1:{free_port()}", "--call", f"sip:bob@127.0.0.1:{port}",
                              "--codec", "opus", "--duration", "5")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "VC_E_UNSUPPORTED" in refused.stderr and "libopus.so.0" in refused.stderr and "libopus0" in refused.stderr, refused.stderr

    worked = without_libopus("--listen", f"udp:127.0.0.1:{free_port()}", "--call", f"sip:bob@127.0.0.1:{port}",
                             "--codec", "pcmu", "--hangup-after", "1", "--stats", "--duration", "10")
    assert worked.returncode == 0, worked.stdout + worked.stderr
    assert '"state":"connected"' in worked.stdout and "codec=PCMU" in worked.stdout, worked.stdout
    bob.wait_for(call_state(7))
