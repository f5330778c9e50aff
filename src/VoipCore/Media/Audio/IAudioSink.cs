namespace VoipCore.Media.Audio;

/// <summary>
/// Audio a call delivers: a WAV recorder, the host's PCM port. Written on a media thread once per frame tick,
/// so an implementation must not block; a sink with its own rate resamples from the rate given.
/// </summary>
public interface IAudioSink
{
    /// <summary>Takes one frame (mono, 16-bit, <paramref name="sampleRate"/> Hz); the span is only valid during the call.</summary>
    void Write(ReadOnlySpan<short> frame, int sampleRate);
}
