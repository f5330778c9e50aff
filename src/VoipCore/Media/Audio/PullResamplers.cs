namespace VoipCore.Media.Audio;

/// <summary>
/// Lets a source at one fixed rate (a WAV file, a port's device side) fill frames of exactly the length asked
/// at any rate: one <see cref="Resampler"/> per asked rate, created on first use, plus the few output samples a
/// fractional ratio produces beyond a frame, kept for the next one.
/// </summary>
/// <remarks>Use: <see cref="InputNeeded"/>, fill <see cref="InputBuffer"/> with that many source samples, then
/// <see cref="Convert"/>. Scratch buffers grow to the largest frame seen and are then reused.</remarks>
internal sealed class PullResamplers(int sourceRate)
{
    private Target[] _targets = [];
    private short[] _input = [];
    private short[] _output = [];

    public int SourceRate { get; } = sourceRate;

    /// <summary>Source samples the next <see cref="Convert"/> of <paramref name="frameLength"/> at
    /// <paramref name="sampleRate"/> consumes.</summary>
    public int InputNeeded(int frameLength, int sampleRate)
    {
        Target target = For(sampleRate);
        return target.Resampler.InputNeeded(frameLength - Math.Min(frameLength, target.CarryCount));
    }

    /// <summary>A scratch span of <paramref name="length"/> samples for the caller to fill with source samples.</summary>
    public Span<short> InputBuffer(int length)
    {
        if (_input.Length < length)
        {
            _input = new short[length];
        }

        return _input.AsSpan(0, length);
    }

    /// <summary>Fills <paramref name="frame"/> from carried samples and <paramref name="input"/>, which must be
    /// exactly <see cref="InputNeeded"/> samples long.</summary>
    public void Convert(ReadOnlySpan<short> input, Span<short> frame, int sampleRate)
    {
        Target target = For(sampleRate);
        int fromCarry = Math.Min(frame.Length, target.CarryCount);
        target.Carry.AsSpan(0, fromCarry).CopyTo(frame);
        target.Carry.AsSpan(fromCarry, target.CarryCount - fromCarry).CopyTo(target.Carry);
        target.CarryCount -= fromCarry;

        int room = Resampler.OutputLength(input.Length, SourceRate, sampleRate);
        if (_output.Length < room)
        {
            _output = new short[room];
        }

        int produced = target.Resampler.Process(input, _output);
        int needed = frame.Length - fromCarry;
        if (produced < needed)
        {
            throw new VoipException(ErrorCode.Internal, $"resampler gave {produced} samples of {needed}");
        }

        _output.AsSpan(0, needed).CopyTo(frame[fromCarry..]);
        int surplus = produced - needed;
        if (target.Carry.Length < target.CarryCount + surplus)
        {
            Array.Resize(ref target.Carry, target.CarryCount + surplus);
        }

        _output.AsSpan(needed, surplus).CopyTo(target.Carry.AsSpan(target.CarryCount));
        target.CarryCount += surplus;
    }

    private Target For(int sampleRate)
    {
        foreach (Target target in _targets)
        {
            if (target.Resampler.ToRate == sampleRate)
            {
                return target;
            }
        }

        var created = new Target(new Resampler(SourceRate, sampleRate));
        _targets = [.. _targets, created];
        return created;
    }

    /// <summary>One output rate's resampler and the output it produced beyond the last frame.</summary>
    private sealed class Target(Resampler resampler)
    {
        public readonly Resampler Resampler = resampler;
        public short[] Carry = new short[resampler.ToRate / resampler.FromRate + 2];
        public int CarryCount;
    }
}
