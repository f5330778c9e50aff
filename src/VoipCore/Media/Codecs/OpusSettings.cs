namespace VoipCore.Media.Codecs;

/// <summary>The Opus encoder's tuning (RFC 6716 encoder controls); the defaults suit narrow-band-ish VoIP links.</summary>
public sealed record OpusSettings
{
    /// <summary>Target bit rate in bits per second (500 to 512000).</summary>
    public int Bitrate { get; init; } = 32000;

    /// <summary>Carries a low-rate copy of each frame in the next packet so a single loss can be recovered.</summary>
    public bool InbandFec { get; init; } = true;

    /// <summary>The loss rate (0 to 100) the encoder plans its FEC for; FEC is only spent when this is above zero.</summary>
    public int PacketLossPercent { get; init; } = 5;

    /// <summary>Discontinuous transmission: near-empty packets during silence.</summary>
    public bool Dtx { get; init; }

    /// <summary>CPU effort from 0 (cheapest) to 10 (best quality).</summary>
    public int Complexity { get; init; } = 5;

    /// <summary>OPUS_APPLICATION_VOIP (speech tuned) when true, OPUS_APPLICATION_AUDIO otherwise.</summary>
    public bool VoipApplication { get; init; } = true;
}
