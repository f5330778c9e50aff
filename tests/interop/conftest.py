"""Fixtures for the interop tests: real peers (SIPp, Kamailio, JsSIP, baresip) against vcphone over loopback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

import pytest

from baresip import Baresip
from ports import free_port
from speech import make_speech

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("VOIPCORE_BIN_DIR", ROOT / "build" / "bin"))
SCENARIOS = Path(__file__).resolve().parent / "scenarios"


class Vcphone:
    """A running vcphone with --json: its events, parsed line by line; other lines (the --stats call
    report) are kept as text."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        self.process = subprocess.Popen([str(BIN / "vcphone"), "--json", *args], stdout=subprocess.PIPE,
                                        stderr=open(log, "w"), text=True)
        self.events: list[dict] = []
        self.text: list[str] = []

    def _take(self, line: str) -> dict | None:
        if line.startswith("{"):
            self.events.append(json.loads(line))
            return self.events[-1]
        if line.strip():
            self.text.append(line.rstrip("\n"))
        return None

    def wait_for(self, predicate, timeout: float = 15.0) -> dict:
        """Reads events until one matches; fails with what was seen."""
        deadline = time.monotonic() + timeout
        for event in self.events:
            if predicate(event):
                return event
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            event = self._take(line)
            if event is not None and predicate(event):
                return event
        raise AssertionError(f"event not seen; events: {self.events}; stderr: {self.log.read_text()[-2000:]}")

    def finish(self, timeout: float = 20.0) -> int:
        """Waits for exit (after --duration) and collects the remaining events."""
        out, _ = self.process.communicate(timeout=timeout)
        for line in out.splitlines():
            self._take(line)
        return self.process.returncode

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def call_state(value: int):
    """A wait_for predicate: a call_state event entering this vc_call_state_t (3 connected, 7 terminated)."""
    return lambda e: e["event"] == "call_state" and e["value"] == value


@pytest.fixture
def vcphone(tmp_path: Path) -> Iterator:
    """Starts vcphone processes; every one is killed at the end of the test."""
    started: list[Vcphone] = []

    def start(*args: str) -> Vcphone:
        phone = Vcphone(list(args), tmp_path / f"vcphone-{len(started)}.log")
        started.append(phone)
        return phone

    yield start
    for phone in started:
        phone.stop()


def sipp_command(scenario: str, target: str | None, *args: str, port: int | None = None, timeout: float = 30) -> list[str]:
    """A SIPp command line for one scenario run (-m 1 unless given); each run gets its own control port."""
    command = ["sipp", "-sf", str(SCENARIOS / scenario), "-i", "127.0.0.1", "-p", str(port or free_port()),
               "-cp", str(free_port()), "-nostdin", "-trace_err", "-timeout", str(int(timeout)), *args]
    if "-m" not in args:
        command += ["-m", "1"]
    return command + ([target] if target else [])


def sipp(scenario: str, target: str, *args: str, cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    """Runs a SIPp client scenario to completion."""
    return subprocess.run(sipp_command(scenario, target, *args, timeout=timeout), cwd=cwd, capture_output=True, text=True,
                          timeout=timeout + 15)


def sipp_errors(cwd: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in cwd.glob("*_errors.log"))


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A CA and a server certificate for 127.0.0.1, made with openssl."""
    d = tmp_path_factory.mktemp("tls")
    run = lambda *a: subprocess.run(["openssl", *a], cwd=d, check=True, capture_output=True)
    run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
        "-out", "ca.pem", "-days", "2", "-subj", "/CN=interop test CA")
    run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key",
        "-out", "server.csr", "-subj", "/CN=127.0.0.1")
    (d / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
        "-days", "2", "-extfile", "san.ext")
    return {"ca": d / "ca.pem", "cert": d / "server.pem", "key": d / "server.key"}


class Kamailio:
    """Kamailio in the foreground with the test config; its log is what it saw."""

    def __init__(self, directory: Path, tls: dict[str, Path]) -> None:
        self.port = free_port()
        self.tls_port = free_port()
        self.relay_port = free_port()
        self.log = directory / "kamailio.log"
        for name in ("registrar.cfg", "tls.cfg"):
            text = (Path(__file__).parent / "kamailio" / f"{name}.in").read_text()
            for key, value in (("@PORT@", self.port), ("@TLS_PORT@", self.tls_port), ("@RELAY_PORT@", self.relay_port),
                               ("@DIR@", directory)):
                text = text.replace(key, str(value))
            (directory / name).write_text(text)
        for key, file in (("cert", "server.pem"), ("key", "server.key")):
            (directory / file).write_bytes(tls[key].read_bytes())
        self.process = subprocess.Popen(["kamailio", "-f", str(directory / "registrar.cfg"), "-DD", "-E", "-m", "64", "-M", "8",
                                         "-P", str(directory / "kamailio.pid"), "-Y", str(directory)],
                                        stdout=subprocess.DEVNULL, stderr=open(self.log, "w"), start_new_session=True)
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("kamailio exited: " + self.log.read_text()[-3000:])
            try:
                with socket.create_connection(("127.0.0.1", self.tls_port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("kamailio did not start: " + self.log.read_text()[-3000:])

    def logged(self, tag: str) -> list[dict[str, str]]:
        """The lines the config logged with this tag ("REG", "INVITE", "DIALOG") so far, as dicts."""
        lines = [l[l.index(f" {tag} ") + 1:] for l in self.log.read_text(errors="replace").splitlines() if f" {tag} " in l]
        return [dict(part.split("=", 1) for part in line.split()[1:]) for line in lines]

    def registers(self) -> list[dict[str, str]]:
        return self.logged("REG")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait(timeout=10)


@pytest.fixture
def kamailio(tmp_path: Path, tls_files) -> Iterator[Kamailio]:
    server = Kamailio(tmp_path, tls_files)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def speech(tmp_path_factory: pytest.TempPathFactory):
    """speech(sentence, codec): a WAV of speech.SENTENCES[sentence] in the codec's native format."""
    directory = tmp_path_factory.mktemp("speech")
    return lambda sentence, codec: make_speech(directory, sentence, codec)


@pytest.fixture
def baresip(tmp_path: Path) -> Iterator:
    """Starts baresip user agents (see baresip.Baresip); every one is stopped at the end of the test."""
    started: list[Baresip] = []

    def start(*args, **kwargs) -> Baresip:
        agent = Baresip(tmp_path, *args, **kwargs)
        started.append(agent)
        return agent

    yield start
    for agent in started:
        agent.stop()
