namespace VoipCore.Media.Audio;

/// <summary>
/// Audio a call sends: a WAV player, a tone generator, the host's PCM port. Read on a media thread once per
/// frame tick, so an implementation must not block; a source with its own rate resamples to the rate asked for.
/// </summary>
public interface IAudioSource
{
    /// <summary>
    /// Fills <paramref name="frame"/> (mono, 16-bit, <paramref name="sampleRate"/> Hz) completely. Returns false
    /// when the source had nothing to give (it wrote silence), e.g. a player past its end or an empty port.
    /// </summary>
    bool Read(Span<short> frame, int sampleRate);
}
