namespace VoipCore.Media.Rtp;

/// <summary>What <see cref="JitterBuffer.Get"/> produced for one frame interval.</summary>
public enum JitterResult
{
    /// <summary>Nothing to play yet: no packet since the start or a resync, or the buffer is filling to its initial delay.</summary>
    NotReady,

    /// <summary>A frame's payload was copied out; decode it.</summary>
    Frame,

    /// <summary>
    /// No packet for this interval (lost, late, or a pause the buffer cannot tell from loss yet): conceal it.
    /// <see cref="JitterBuffer.TryPeekNext"/> gives the following packet when it is already here (Opus FEC).
    /// </summary>
    Missing,

    /// <summary>
    /// The sender paused (DTX/silence suppression): the next packet has the following sequence number but a later
    /// timestamp, so nothing was lost. Play comfort noise or silence.
    /// </summary>
    Silence,
}
