namespace VoipCore.Media.Audio;

/// <summary>
/// Brings frames arriving at any rate to one fixed rate (a recorder's file, a port's device side): one
/// <see cref="Resampler"/> per arriving rate, created on first use, so steady streaming allocates nothing.
/// </summary>
internal sealed class PushResamplers(int targetRate)
{
    private Resampler[] _resamplers = [];
    private short[] _output = [];

    public int TargetRate { get; } = targetRate;

    /// <summary>Converts <paramref name="frame"/>; the result is valid until the next call.</summary>
    public ReadOnlySpan<short> Convert(ReadOnlySpan<short> frame, int sampleRate)
    {
        if (sampleRate == TargetRate)
        {
            return frame;
        }

        Resampler resampler = For(sampleRate);
        int room = Resampler.OutputLength(frame.Length, sampleRate, TargetRate);
        if (_output.Length < room)
        {
            _output = new short[room];
        }

        return _output.AsSpan(0, resampler.Process(frame, _output));
    }

    private Resampler For(int sampleRate)
    {
        foreach (Resampler resampler in _resamplers)
        {
            if (resampler.FromRate == sampleRate)
            {
                return resampler;
            }
        }

        var created = new Resampler(sampleRate, TargetRate);
        _resamplers = [.. _resamplers, created];
        return created;
    }
}
