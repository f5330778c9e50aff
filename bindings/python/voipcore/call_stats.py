"""CallStats: a call's quality figures, from vc_call_get_stats or from an event's "stats" JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._native import NativeCallStats


@dataclass(frozen=True)
class CallStats:
    """Quality figures of a call (vc_call_stats_t).

    Loss, jitter and packets_dropped are about what we receive. `rtt_ms` is None until RTCP
    measured it (the C struct says -1, the events' JSON null). `mos` is the ITU-T G.107 E-model
    estimate (1.0-4.5), 0 before media flowed. `duration_s` counts from the answer; it is None
    in the stats of CALL_QUALITY and CALL_QUALITY_WARNING events, which do not carry it.
    """

    codec: str
    packets_sent: int
    bytes_sent: int
    packets_received: int
    bytes_received: int
    packets_lost: int
    packets_dropped: int  # bad header, unexpected source or payload type
    loss_percent: float
    jitter_ms: float
    rtt_ms: float | None
    mos: float
    jitter_buffer_ms: int
    duration_s: float | None

    @classmethod
    def from_native(cls, native: NativeCallStats) -> CallStats:
        return cls(
            codec=native.codec.decode(),
            packets_sent=native.packets_sent,
            bytes_sent=native.bytes_sent,
            packets_received=native.packets_received,
            bytes_received=native.bytes_received,
            packets_lost=native.packets_lost,
            packets_dropped=native.packets_dropped,
            loss_percent=native.loss_percent,
            jitter_ms=native.jitter_ms,
            rtt_ms=None if native.rtt_ms < 0 else native.rtt_ms,
            mos=native.mos,
            jitter_buffer_ms=native.jitter_buffer_ms,
            duration_s=native.duration_s,
        )

    @classmethod
    def from_json(cls, stats: Mapping[str, Any], duration_s: float | None = None) -> CallStats:
        """From the stats object of an event detail; the call's duration travels beside it, if at all."""
        rtt_ms = stats["rtt_ms"]
        return cls(
            codec=stats["codec"],
            packets_sent=stats["packets_sent"],
            bytes_sent=stats["bytes_sent"],
            packets_received=stats["packets_received"],
            bytes_received=stats["bytes_received"],
            packets_lost=stats["packets_lost"],
            packets_dropped=stats["packets_dropped"],
            # JSON writes 0.0 as 0: float() keeps the field's type whatever the number looked like.
            loss_percent=float(stats["loss_percent"]),
            jitter_ms=float(stats["jitter_ms"]),
            rtt_ms=None if rtt_ms is None else float(rtt_ms),
            mos=float(stats["mos"]),
            jitter_buffer_ms=stats["jitter_buffer_ms"],
            duration_s=None if duration_s is None else float(duration_s),
        )
