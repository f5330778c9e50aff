namespace VoipCore.Media.Codecs;

/// <summary>
/// Loss concealment for codecs without their own (G.711, G.722): a lost frame is filled by repeating the last
/// pitch period of the last decoded audio, continuing its phase across consecutive losses, faded linearly to
/// silence over three frames. Repeating a pitch period rather than the whole frame avoids a click at the seam
/// of voiced speech; unvoiced audio (no clear period) repeats the whole remembered frame.
/// </summary>
internal sealed class PitchRepeatConcealer
{
    private const int FadeFrames = 3;
    private const double VoicedCorrelation = 0.5;

    private readonly short[] _history;
    private readonly int _minPeriod;
    private readonly int _maxPeriod;
    private int _historyLength;
    private int _period;
    private int _phase;
    private int _concealedSamples;

    /// <param name="pcmRate">The PCM rate, to bound the pitch search to 2.5–15 ms (400–67 Hz).</param>
    public PitchRepeatConcealer(int pcmRate)
    {
        _history = new short[pcmRate * 60 / 1000];
        _minPeriod = pcmRate / 400;
        _maxPeriod = pcmRate * 15 / 1000;
    }

    /// <summary>Keeps the end of a decoded frame as the material for the next concealment and ends a loss run.</summary>
    public void Remember(ReadOnlySpan<short> decoded)
    {
        var tail = decoded[Math.Max(0, decoded.Length - _history.Length)..];
        tail.CopyTo(_history);
        _historyLength = tail.Length;
        _concealedSamples = 0;
    }

    /// <summary>Fills <paramref name="pcm"/> with the next stretch of the fading repetition; returns its length.</summary>
    public int Conceal(Span<short> pcm)
    {
        var fadeLength = FadeFrames * pcm.Length;
        if (_historyLength == 0 || _concealedSamples >= fadeLength)
        {
            pcm.Clear();
            return pcm.Length;
        }
        var history = _history.AsSpan(0, _historyLength);
        if (_concealedSamples == 0)
        {
            _period = FindPeriod(history);
            _phase = 0;
        }
        var cycle = history[^_period..];
        for (var i = 0; i < pcm.Length; i++)
        {
            var remaining = Math.Max(0, fadeLength - _concealedSamples - i);
            pcm[i] = (short)(cycle[_phase] * remaining / fadeLength);
            _phase = _phase + 1 == _period ? 0 : _phase + 1;
        }
        _concealedSamples += pcm.Length;
        return pcm.Length;
    }

    /// <summary>
    /// The lag with the highest normalized autocorrelation within the pitch range, or the whole history when no
    /// lag correlates well enough for the audio to count as voiced.
    /// </summary>
    private int FindPeriod(ReadOnlySpan<short> history)
    {
        var maxLag = Math.Min(_maxPeriod, history.Length / 2);
        var bestLag = history.Length;
        var bestCorrelation = VoicedCorrelation;
        for (var lag = _minPeriod; lag <= maxLag; lag++)
        {
            long cross = 0, energyA = 0, energyB = 0;
            for (var i = lag; i < history.Length; i++)
            {
                int a = history[i], b = history[i - lag];
                cross += a * b;
                energyA += a * a;
                energyB += b * b;
            }
            if (cross <= 0)
            {
                continue;
            }
            var correlation = cross / Math.Sqrt((double)energyA * energyB);
            if (correlation > bestCorrelation)
            {
                bestCorrelation = correlation;
                bestLag = lag;
            }
        }
        return bestLag;
    }
}
