'use strict';

/**
 * A call's quality figures as a plain object, from a decoded vc_call_stats_t (call.stats()) or
 * from the "stats" JSON of a call event: both use the same snake_case names. The JSON has no
 * duration_s, so durationS is there only when the source has it. rtt_ms is -1 in the struct and
 * null in the JSON until RTCP has measured it; rttMs is null then.
 */
function toCallStats(stats) {
  const converted = {
    codec: stats.codec,
    packetsSent: Number(stats.packets_sent),
    bytesSent: Number(stats.bytes_sent),
    packetsReceived: Number(stats.packets_received),
    bytesReceived: Number(stats.bytes_received),
    packetsLost: Number(stats.packets_lost),
    packetsDropped: Number(stats.packets_dropped),
    lossPercent: stats.loss_percent,
    jitterMs: stats.jitter_ms,
    rttMs: stats.rtt_ms === null || stats.rtt_ms < 0 ? null : stats.rtt_ms,
    mos: stats.mos,
    jitterBufferMs: stats.jitter_buffer_ms,
  };
  if (stats.duration_s !== undefined) {
    converted.durationS = stats.duration_s;
  }
  return converted;
}

module.exports = { toCallStats };
