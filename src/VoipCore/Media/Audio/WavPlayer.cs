namespace VoipCore.Media.Audio;

/// <summary>
/// Plays a WAV file into a call, once or in a loop, at whatever rate the call reads. The whole file is read by
/// the constructor (at most <see cref="MaxDuration"/>), so reads never touch the disk.
/// </summary>
/// <remarks>
/// Each read rate gets its own resampler, created on the first read at that rate. When resampling, the
/// resampler's delay (a few milliseconds, <see cref="Resampler.DelaySamples"/>) of the file's end is not played.
/// </remarks>
public sealed class WavPlayer : IAudioSource, IDisposable
{
    /// <summary>Longest file accepted; ten minutes of 48 kHz mono is 55 MB in memory.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    private readonly short[] _samples;
    private readonly PullResamplers _resamplers;
    private int _position;
    private volatile bool _finished;

    /// <summary>Loads <paramref name="path"/> (see <see cref="WavReader"/> for the formats and errors); a file
    /// longer than <see cref="MaxDuration"/> is refused with <see cref="ErrorCode.InvalidArgument"/>.</summary>
    public WavPlayer(string path, bool loop = false)
    {
        using var reader = new WavReader(path);
        if (reader.Duration > MaxDuration)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"{path}: {reader.Duration.TotalMinutes:F1} minutes long, at most {MaxDuration.TotalMinutes:F0} can be played");
        }

        _samples = new short[reader.FrameCount];
        int read = 0;
        while (read < _samples.Length)
        {
            int count = reader.Read(_samples.AsSpan(read));
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        Array.Resize(ref _samples, read);
        Path = path;
        SampleRate = reader.SampleRate;
        Loop = loop;
        _resamplers = new PullResamplers(SampleRate);
    }

    /// <summary>
    /// Raised once, when a player that does not loop has given its last samples (or finds its file empty).
    /// It runs on the thread calling <see cref="Read"/>, the media thread, inside that call: a handler must be
    /// quick and must not block.
    /// </summary>
    public event Action? Ended;

    /// <summary>The file played.</summary>
    public string Path { get; }

    /// <summary>The file's sample rate.</summary>
    public int SampleRate { get; }

    /// <summary>Playing time of the file (one pass).</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Length / SampleRate);

    /// <summary>Whether the file starts over at its end.</summary>
    public bool Loop { get; }

    /// <summary>True once a non-looping player has given its last samples, or once disposed.</summary>
    public bool Finished => _finished;

    /// <summary>Fills <paramref name="frame"/> with the next audio at <paramref name="sampleRate"/>; silence
    /// after the end. Returns false when there was nothing left to play.</summary>
    public bool Read(Span<short> frame, int sampleRate)
    {
        if (_finished || _samples.Length == 0)
        {
            frame.Clear();
            Finish();
            return false;
        }

        Span<short> input = _resamplers.InputBuffer(_resamplers.InputNeeded(frame.Length, sampleRate));
        Fill(input);
        _resamplers.Convert(input, frame, sampleRate);
        // Done when the next output sample would need file samples past the end; at a lower read rate the
        // file's very last sample can be one whose output instant lies beyond the file's duration.
        if (!Loop && _resamplers.InputNeeded(1, sampleRate) > _samples.Length - _position)
        {
            Finish();
        }

        return true;
    }

    /// <summary>Stops the player: further reads give silence; <see cref="Ended"/> is not raised.</summary>
    public void Dispose() => _finished = true;

    /// <summary>Copies the next file samples, wrapping when looping and padding with silence past the end.</summary>
    private void Fill(Span<short> input)
    {
        while (!input.IsEmpty)
        {
            if (_position == _samples.Length)
            {
                if (!Loop)
                {
                    input.Clear();
                    return;
                }

                _position = 0;
            }

            int count = Math.Min(input.Length, _samples.Length - _position);
            _samples.AsSpan(_position, count).CopyTo(input);
            _position += count;
            input = input[count..];
        }
    }

    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        Ended?.Invoke();
    }
}
