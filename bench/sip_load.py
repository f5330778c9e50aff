#!/usr/bin/env python3
"""SIP call load: several SIPp UAC processes (built-in 'uac' scenario) against a UAS, then the same
load against Kamailio answering statelessly (the reference ceiling), in one run.

usage: bench/sip_load.py [--rates 1000,2000,3000] [--seconds 20] [--clients 4]
Prints a Markdown table; bench/run-sip-load.sh builds what it needs and calls this.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UAS = ROOT / "bench" / "SipLoadUas" / "bin" / "Release" / "net10.0" / "SipLoadUas.dll"
KAMAILIO_CFG = ROOT / "bench" / "kamailio-stateless.cfg.in"


def free_port() -> int:
    for _ in range(100):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port")


def start_voipcore(port: int, seconds: int, work: Path) -> subprocess.Popen:
    return subprocess.Popen(["dotnet", str(UAS), str(port), str(seconds)], stdout=open(work / "uas.json", "w"),
                            stderr=open(work / "uas.log", "w"))


def start_kamailio(port: int, work: Path) -> subprocess.Popen:
    cfg = work / "kamailio.cfg"
    cfg.write_text(KAMAILIO_CFG.read_text().replace("@PORT@", str(port)))
    return subprocess.Popen(["kamailio", "-f", str(cfg), "-DD", "-E", "-m", "128", "-M", "16", "-P", str(work / "k.pid"),
                             "-Y", str(work)], stdout=subprocess.DEVNULL, stderr=open(work / "kamailio.log", "w"),
                            start_new_session=True)


def wait_listening(port: int, deadline_s: float = 20) -> None:
    """Sends OPTIONS until something answers on the port."""
    probe = (f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKprobe\r\n"
             "From: <sip:p@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: probe\r\nCSeq: 1 OPTIONS\r\n"
             "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n").encode()
    end = time.monotonic() + deadline_s
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        s.settimeout(0.2)
        while time.monotonic() < end:
            s.sendto(probe.replace(b"127.0.0.1:9", f"127.0.0.1:{s.getsockname()[1]}".encode()), ("127.0.0.1", port))
            try:
                s.recvfrom(4096)
                return
            except OSError:
                continue
    raise RuntimeError(f"nothing answers on {port}")


def run_clients(port: int, rate: int, seconds: int, clients: int, work: Path) -> dict:
    """Runs the SIPp clients side by side; returns totals and response-time percentiles."""
    per_client = rate / clients
    calls = int(per_client * seconds)
    procs = []
    for i in range(clients):
        d = work / f"client{i}"
        d.mkdir()
        cmd = ["sipp", "-sn", "uac", "-i", "127.0.0.1", "-p", str(free_port()), "-cp", str(free_port()),
               "-r", f"{per_client:.3f}", "-m", str(calls), "-d", "0", "-nostdin", "-timeout", str(seconds * 3 + 30),
               "-trace_stat", "-stf", "stats.csv", "-fd", "1", "-trace_rtt", "-rtt_freq", "200", "-trace_err",
               f"127.0.0.1:{port}"]
        procs.append(subprocess.Popen(cmd, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    started = time.monotonic()
    for p in procs:
        p.wait()
    wall = time.monotonic() - started
    ok = failed = 0
    rtts: list[float] = []
    for i in range(clients):
        d = work / f"client{i}"
        rows = list(csv.DictReader(open(d / "stats.csv"), delimiter=";"))
        ok += int(rows[-1]["SuccessfulCall(C)"])
        failed += int(rows[-1]["FailedCall(C)"])
        for f in d.glob("*_rtt.csv"):
            rtts += [float(r["response_time_ms"]) for r in csv.DictReader(open(f), delimiter=";")]
    rtts.sort()
    pct = lambda q: rtts[min(len(rtts) - 1, int(q * len(rtts)))] if rtts else float("nan")
    return {"offered_cps": rate, "calls": ok + failed, "ok": ok, "failed": failed, "wall_s": round(wall, 2),
            "achieved_cps": round(ok / wall, 1), "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": rtts[-1] if rtts else 0}


def measure(target: str, rate: int, seconds: int, clients: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"sipload-{target}-"))
    port = free_port()
    server = start_voipcore(port, seconds * 3 + 40, work) if target == "voipcore" else start_kamailio(port, work)
    try:
        wait_listening(port)
        cpu_before = process_cpu(server.pid)
        result = run_clients(port, rate, seconds, clients, work)
        result["server_cpu_s"] = round(process_cpu(server.pid) - cpu_before, 2)
    finally:
        if target == "kamailio":
            os.killpg(server.pid, 15)
        else:
            server.terminate()
        server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
    return {"target": target, **result}


def process_cpu(pid: int) -> float:
    """CPU seconds of a process and its children (Kamailio forks workers)."""
    total = 0.0
    for p in [pid] + children(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        kids = (task / "children")
        if kids.exists():
            for k in kids.read_text().split():
                found += [int(k)] + children(int(k))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rates", default="1000,2000,3000")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    results = []
    for rate in [int(r) for r in args.rates.split(",")]:
        for target in ("voipcore", "kamailio"):
            results.append(measure(target, rate, args.seconds, args.clients))
            print(json.dumps(results[-1]), flush=True)
    print()
    print("| offered calls/s | target | calls | failed | achieved calls/s | p50 ms | p99 ms | max ms | server CPU s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['offered_cps']} | {r['target']} | {r['calls']} | {r['failed']} | {r['achieved_cps']} | "
              f"{r['p50_ms']:.0f} | {r['p99_ms']:.0f} | {r['max_ms']:.0f} | {r['server_cpu_s']} |")


if __name__ == "__main__":
    main()
