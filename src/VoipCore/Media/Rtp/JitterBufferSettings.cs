namespace VoipCore.Media.Rtp;

/// <summary>Bounds and sizes of a <see cref="JitterBuffer"/>.</summary>
public sealed record JitterBufferSettings
{
    /// <summary>The least playout delay the buffer aims for, however steady the network.</summary>
    public int MinDelayMs { get; init; } = 20;

    /// <summary>The most playout delay the buffer grows to, however bad the jitter.</summary>
    public int MaxDelayMs { get; init; } = 300;

    /// <summary>Delay the buffer fills to before playing the first frame of a stream.</summary>
    public int InitialDelayMs { get; init; } = 40;

    /// <summary>Packets the buffer holds, preallocated.</summary>
    public int Capacity { get; init; } = 50;

    /// <summary>Largest payload a packet may carry, preallocated per slot.</summary>
    public int MaxPayloadSize { get; init; } = 1500;
}
