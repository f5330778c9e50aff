namespace VoipCore.Media.Audio;

/// <summary>
/// Plays a <see cref="TonePattern"/> as a call's audio source, at whatever rate it is read. Each tone starts
/// at phase zero and stays phase-continuous across frames, so frames join without clicks; segment boundaries
/// fall on exact sample counts of the read rate.
/// </summary>
public sealed class ToneGenerator : IAudioSource
{
    private readonly TonePattern _pattern;
    private int _segment;
    private long _elapsed;     // samples of the current segment already played, at _rate
    private int _rate;
    private double _phase1;    // oscillator phases in cycles, [0, 1)
    private double _phase2;
    private volatile bool _finished;

    /// <summary>Creates a generator at the start of <paramref name="pattern"/>.</summary>
    public ToneGenerator(TonePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _pattern = pattern;
    }

    /// <summary>True once a pattern that does not loop has played its last segment.</summary>
    public bool Finished => _finished;

    /// <summary>A generator playing <paramref name="digits"/> once as DTMF (100 ms tone, 50 ms gap, -10 dBFS per tone).</summary>
    public static ToneGenerator Dtmf(string digits) => new(TonePattern.Dtmf(digits));

    /// <summary>Fills <paramref name="frame"/> with the pattern (silence after its end); false when it had already ended.</summary>
    public bool Read(Span<short> frame, int sampleRate)
    {
        if (_finished)
        {
            frame.Clear();
            return false;
        }

        if (sampleRate != _rate)
        {
            // Keep the position in time when the read rate changes.
            _elapsed = _rate == 0 ? 0 : _elapsed * sampleRate / _rate;
            _rate = sampleRate;
        }

        while (!frame.IsEmpty)
        {
            if (_finished)
            {
                frame.Clear();
                break;
            }

            ToneSegment segment = _pattern.SegmentSpan[_segment];
            long length = Math.Max(1, (long)segment.DurationMs * sampleRate / 1000);
            int count = (int)Math.Min(frame.Length, length - _elapsed);
            Render(segment, frame[..count], sampleRate);
            frame = frame[count..];
            _elapsed += count;
            if (_elapsed >= length)
            {
                NextSegment();
            }
        }

        return true;
    }

    private void Render(ToneSegment segment, Span<short> samples, int sampleRate)
    {
        if (segment.IsSilence)
        {
            samples.Clear();
            return;
        }

        double amplitude = short.MaxValue * Math.Pow(10, segment.LevelDbfs / 20);
        double step1 = segment.Frequency1Hz / sampleRate;
        double step2 = segment.Frequency2Hz / sampleRate;
        for (int i = 0; i < samples.Length; i++)
        {
            double value = amplitude * (Math.Sin(2 * Math.PI * _phase1) + Math.Sin(2 * Math.PI * _phase2));
            samples[i] = AudioMixer.Saturate((int)Math.Round(value));
            _phase1 = Advance(_phase1, step1);
            _phase2 = Advance(_phase2, step2);
        }
    }

    private static double Advance(double phase, double step)
    {
        phase += step;
        return phase >= 1 ? phase - Math.Floor(phase) : phase;
    }

    private void NextSegment()
    {
        _elapsed = 0;
        _phase1 = _phase2 = 0;
        if (++_segment < _pattern.SegmentSpan.Length)
        {
            return;
        }

        _segment = 0;
        if (!_pattern.Loop)
        {
            _finished = true;
        }
    }
}
