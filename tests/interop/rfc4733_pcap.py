"""The DTMF digits an RFC 4733 capture holds (SIPp's sample pcaps), read straight from the packets."""

from __future__ import annotations

import struct
from pathlib import Path

EVENTS = "0123456789*#ABCD"


def rfc4733_digits(path: Path, payload_type: int = 101) -> str:
    """One digit per distinct event (an event is repeated in several packets sharing its RTP
    timestamp), in capture order. Classic pcap, Ethernet, IPv4, UDP."""
    data = path.read_bytes()
    magic, = struct.unpack("<I", data[:4])
    assert magic == 0xA1B2C3D4 and struct.unpack("<I", data[20:24])[0] == 1, f"{path}: not an Ethernet pcap"
    digits, seen, offset = [], set(), 24
    while offset < len(data):
        length, = struct.unpack("<I", data[offset + 8: offset + 12])
        packet = data[offset + 16: offset + 16 + length]
        offset += 16 + length
        ip = packet[14:]
        rtp = ip[(ip[0] & 0x0F) * 4 + 8:]  # past the IPv4 and UDP headers
        if rtp[1] & 0x7F != payload_type:
            continue
        timestamp, = struct.unpack("!I", rtp[4:8])
        if timestamp not in seen:
            seen.add(timestamp)
            digits.append(EVENTS[rtp[12]])
    return "".join(digits)
