namespace VoipCore.Media.Codecs;

/// <summary>
/// Turns received RTP payloads back into mono 16-bit PCM at <see cref="AudioCodecInfo.PcmRate"/> and fills the
/// gaps of lost packets. Stateful: one instance per incoming stream, used by one thread at a time.
/// </summary>
public interface IAudioDecoder : IDisposable
{
    /// <summary>The codec this decoder consumes.</summary>
    AudioCodecInfo Info { get; }

    /// <summary>
    /// Decodes one payload into <paramref name="pcm"/> and returns the samples written, or -1 when the payload
    /// cannot be decoded (empty, malformed, or longer than <paramref name="pcm"/> holds). Never throws for bad data:
    /// the caller counts the failure and conceals instead.
    /// </summary>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);

    /// <summary>
    /// Produces one frame (<paramref name="pcm"/>.Length samples) standing in for a lost packet and returns the
    /// samples written. <paramref name="nextPayload"/> is the packet after the gap when it has already arrived
    /// (Opus recovers the lost frame from its in-band FEC); it may be empty.
    /// </summary>
    int Conceal(Span<short> pcm, ReadOnlySpan<byte> nextPayload);
}
