"""baresip 1.0 run headless from a generated config: aufile is its microphone, sndfile records both directions."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

from ports import free_port, free_port_range

# Our codec names -> baresip's (audio_codecs= takes baresip's spelling).
CODECS = {"opus": "opus", "g722": "G722", "pcmu": "PCMU", "pcma": "PCMA"}


class Baresip:
    """One baresip user agent with a single account.

    Without `registrar` it listens on its own port and its AOR points there (calls come straight in);
    with `registrar` ("127.0.0.1:PORT") its AOR lives on that registrar, it registers with `password`
    and its calls go through it. It answers every call by itself (answermode=auto) and hangs up when
    its aufile source reaches the end of `source`. `dial` makes it call that URI at start.
    """

    def __init__(self, directory: Path, codec: str, source: Path, *, user: str = "bob", registrar: str | None = None,
                 password: str | None = None, dial: str | None = None) -> None:
        self.directory = directory / f"baresip-{user}"
        self.recordings = self.directory / "recordings"
        self.recordings.mkdir(parents=True)
        self.port = free_port()
        rtp_min, rtp_max = free_port_range(8)
        (self.directory / "config").write_text("\n".join([
            "poll_method epoll",
            f"sip_listen 127.0.0.1:{self.port}",
            "net_interface 127.0.0.1",  # an address: the interface name "lo" is refused
            # A player is required; aubridge's paces itself with a timer and goes nowhere (ALSA's null
            # device never blocks, so baresip's player thread would spin a whole core on it).
            "audio_player aubridge,nowhere",
            "audio_alert aubridge,nowhere",
            f"rtp_ports {rtp_min}-{rtp_max}",
            "module_path /usr/lib/baresip/modules",
            *(f"module {name}.so" for name in ("g711", "g722", "opus", "aufile", "sndfile", "aubridge")),
            "module_tmp account.so",
            "module_app menu.so",  # provides /dial for -e
            f"snd_path {self.recordings}",
            "",
        ]))
        domain = registrar or f"127.0.0.1:{self.port}"
        self.uri = f"sip:{user}@{domain}"
        registration = f";auth_pass={password};regint=60" if registrar else ";regint=0"
        (self.directory / "accounts").write_text(
            f"<{self.uri};transport=udp>{registration};answermode=auto;audio_codecs={CODECS[codec]};"
            f"audio_source=aufile,{source}\n")
        self.log = self.directory / "baresip.log"
        command = ["baresip", "-f", str(self.directory), "-t", "60"]
        if dial:
            command += ["-e", f"/dial {dial}"]
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=open(self.log, "w"),
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self.wait_for("baresip is ready")

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, pattern: str, timeout: float = 15.0) -> re.Match:
        """Waits for a line of baresip's output matching the regular expression."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, self.output())
            if found:
                return found
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"baresip never printed {pattern!r}:\n{self.output()[-3000:]}")

    def recording(self, direction: str) -> Path:
        """What baresip sent ("enc", before encoding) or received ("dec", after decoding) on its call."""
        files = sorted(self.recordings.glob(f"dump-*-{direction}.wav"))
        assert len(files) == 1, f"sndfile wrote {files}:\n{self.output()[-2000:]}"
        return files[0]

    def stop(self) -> None:
        """SIGTERM lets baresip end its calls and close the sndfile recordings."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
