namespace VoipCore.Media.Rtp;

/// <summary>A snapshot of one call's media quality, filled from the sender, receiver statistics, RTCP and the E-model.</summary>
public sealed record CallQualityStatistics
{
    /// <summary>The codec's SDP encoding name, e.g. "opus" or "PCMU".</summary>
    public string Codec { get; init; } = "";

    /// <summary>RTP packets sent.</summary>
    public long PacketsSent { get; init; }

    /// <summary>RTP payload octets sent.</summary>
    public long BytesSent { get; init; }

    /// <summary>RTP packets received.</summary>
    public long PacketsReceived { get; init; }

    /// <summary>RTP payload octets received.</summary>
    public long BytesReceived { get; init; }

    /// <summary>Packets lost on the way to us (RFC 3550 cumulative loss).</summary>
    public long PacketsLost { get; init; }

    /// <summary>Loss as a percentage of the packets expected.</summary>
    public double LossPercent { get; init; }

    /// <summary>Interarrival jitter of the received stream in ms.</summary>
    public double JitterMs { get; init; }

    /// <summary>Round-trip time from RTCP in ms; null until a report about our stream gave one.</summary>
    public double? RoundTripTimeMs { get; init; }

    /// <summary>Estimated mean opinion score, 1-4.5 (E-model).</summary>
    public double Mos { get; init; }
}
