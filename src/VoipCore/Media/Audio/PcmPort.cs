namespace VoipCore.Media.Audio;

/// <summary>
/// The link between a call and the host's audio device: the host pushes captured samples and pulls samples to
/// play at the fixed <see cref="SampleRate"/>, from its own audio thread; the call reads and writes 20 ms frames
/// at its codec's rate from the media thread, resampled here.
/// </summary>
/// <remarks>
/// Each direction is a ring of <see cref="Capacity"/> samples. A full ring drops its oldest samples, so a
/// device clock running faster than the media clock costs a few samples now and then instead of growing delay;
/// a slower one shows as underruns. Host-side and call-side members may be used from one thread each
/// (for instance the device callback and the media thread); the counters may be read from any thread.
/// </remarks>
public sealed class PcmPort : IAudioSource, IAudioSink
{
    private readonly SampleRing _capture;
    private readonly SampleRing _playback;
    private readonly PullResamplers _fromCapture;
    private readonly PushResamplers _toPlayback;

    /// <summary>Creates a port at <paramref name="sampleRate"/> Hz whose rings hold
    /// <paramref name="capacityMilliseconds"/> of audio each.</summary>
    public PcmPort(int sampleRate, int capacityMilliseconds = 200)
    {
        if (sampleRate < Resampler.MinRate || sampleRate > Resampler.MaxRate)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"port rate {sampleRate} Hz is outside {Resampler.MinRate}..{Resampler.MaxRate} Hz");
        }

        if (capacityMilliseconds < 40 || capacityMilliseconds > 10_000)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "port capacity must be 40..10000 ms (at least two frames)");
        }

        SampleRate = sampleRate;
        Capacity = (int)((long)sampleRate * capacityMilliseconds / 1000);
        _capture = new SampleRing(Capacity);
        _playback = new SampleRing(Capacity);
        _fromCapture = new PullResamplers(sampleRate);
        _toPlayback = new PushResamplers(sampleRate);
    }

    /// <summary>The device-side rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Samples each direction holds before dropping the oldest.</summary>
    public int Capacity { get; }

    /// <summary>Captured samples waiting for the call.</summary>
    public int CaptureAvailable => _capture.Count;

    /// <summary>Samples waiting for the host to play.</summary>
    public int PlaybackAvailable => _playback.Count;

    /// <summary>Captured samples dropped because the call did not read them in time.</summary>
    public long CaptureDroppedSamples => _capture.DroppedSamples;

    /// <summary>Call reads that found less than a frame captured (the call sent silence).</summary>
    public long CaptureUnderruns => _capture.Underruns;

    /// <summary>Samples to play dropped because the host did not pull them in time.</summary>
    public long PlaybackDroppedSamples => _playback.DroppedSamples;

    /// <summary>Host pulls that found fewer samples than asked.</summary>
    public long PlaybackUnderruns => _playback.Underruns;

    /// <summary>Host side: hands over captured samples; returns how many are kept (all, unless more than
    /// <see cref="Capacity"/> were given).</summary>
    public int Push(ReadOnlySpan<short> samples) => _capture.Write(samples);

    /// <summary>Host side: takes samples to play; returns how many were available, and fills the rest of
    /// <paramref name="samples"/> with silence so the buffer can be played as it is.</summary>
    public int Pull(Span<short> samples)
    {
        int copied = _playback.Read(samples);
        samples[copied..].Clear();
        return copied;
    }

    /// <summary>Call side: reads one frame of captured audio at <paramref name="sampleRate"/>; silence and
    /// false when not enough has been captured yet (nothing is consumed then).</summary>
    public bool Read(Span<short> frame, int sampleRate)
    {
        int needed = _fromCapture.InputNeeded(frame.Length, sampleRate);
        Span<short> input = _fromCapture.InputBuffer(needed);
        if (!_capture.TryReadExactly(input))
        {
            frame.Clear();
            return false;
        }

        _fromCapture.Convert(input, frame, sampleRate);
        return true;
    }

    /// <summary>Call side: queues one frame received at <paramref name="sampleRate"/> for the host to play.</summary>
    public void Write(ReadOnlySpan<short> frame, int sampleRate) => _playback.Write(_toPlayback.Convert(frame, sampleRate));
}
