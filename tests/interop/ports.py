"""Free loopback ports for the peers under test (loopback is shared with other processes)."""

from __future__ import annotations

import random
import socket


def free_port() -> int:
    """A port free for both UDP and TCP right now (SIP listeners usually open both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = tcp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free port")


def free_port_range(count: int) -> tuple[int, int]:
    """`count` consecutive free UDP ports (RTP peers want a range), below the kernel's ephemeral range
    where free_port picks."""
    for _ in range(100):
        base = random.randrange(30000, 32700, 2)
        sockets = []
        try:
            for port in range(base, base + count):
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                sockets.append(s)
                s.bind(("127.0.0.1", port))
            return base, base + count - 1
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free port range")
