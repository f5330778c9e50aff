namespace VoipCore.Media.Codecs;

/// <summary>
/// Turns frames of mono 16-bit PCM at <see cref="AudioCodecInfo.PcmRate"/> into RTP payloads. Stateful: one
/// instance per outgoing stream, fed frames in order, used by one thread at a time.
/// </summary>
public interface IAudioEncoder : IDisposable
{
    /// <summary>The codec this encoder produces.</summary>
    AudioCodecInfo Info { get; }

    /// <summary>
    /// Encodes one frame (<see cref="AudioCodecInfo.SamplesPerFrame"/> samples) into <paramref name="payload"/>
    /// and returns the payload length in bytes.
    /// </summary>
    /// <exception cref="VoipException">InvalidArgument when the frame length is not one the codec can code or
    /// <paramref name="payload"/> is too small; both are caller bugs, never data-dependent.</exception>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);
}
