using System.Text.Json.Serialization;

namespace VoipCore.Sessions;

/// <summary>
/// The quality figures of a call (vc_call_get_stats, the quality events, the report at hang-up). Loss and jitter
/// are about what we receive; RTT comes from RTCP report blocks; MOS from the ITU-T G.107 E-model.
/// </summary>
public sealed record MediaStatistics(
    [property: JsonPropertyName("codec")] string Codec,
    [property: JsonPropertyName("packets_sent")] long PacketsSent,
    [property: JsonPropertyName("bytes_sent")] long BytesSent,
    [property: JsonPropertyName("packets_received")] long PacketsReceived,
    [property: JsonPropertyName("bytes_received")] long BytesReceived,
    [property: JsonPropertyName("packets_lost")] long PacketsLost,
    [property: JsonPropertyName("loss_percent")] double LossPercent,
    [property: JsonPropertyName("jitter_ms")] double JitterMs,
    [property: JsonPropertyName("rtt_ms")] double? RttMs,
    [property: JsonPropertyName("mos")] double Mos,
    [property: JsonPropertyName("packets_dropped")] long PacketsDropped,
    [property: JsonPropertyName("jitter_buffer_ms")] int JitterBufferMs)
{
    public static readonly MediaStatistics None = new("", 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0);
}
