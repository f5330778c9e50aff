namespace VoipCore.Media.Codecs;

/// <summary>
/// The backward-adapted quantizer step size of one G.722 sub-band: LOGSCL/SCALEL for the lower band, LOGSCH/SCALEH
/// for the higher. The step is kept as a leaky log value (NBL/NBH) that each code nudges up or down.
/// </summary>
internal sealed class G722StepSize
{
    private readonly int _maxLogScale;
    private readonly int _scaleShift;
    private int _logScale;

    /// <param name="maxLogScale">The upper limit of the log value: 18432 lower band, 22528 higher band.</param>
    /// <param name="scaleShift">The exponent offset of the log-to-linear step: 8 lower band, 10 higher band.</param>
    public G722StepSize(int maxLogScale, int scaleShift)
    {
        _maxLogScale = maxLogScale;
        _scaleShift = scaleShift;
        Value = ToLinear();
    }

    /// <summary>The linear step size (DETL/DETH) for the next sample.</summary>
    public int Value { get; private set; }

    /// <summary>Leaks the log value by 127/128, adds <paramref name="logIncrement"/>, and recomputes the step.</summary>
    public void Adapt(int logIncrement)
    {
        _logScale = Math.Clamp(((_logScale * 32512) >> 15) + logIncrement, 0, _maxLogScale);
        Value = ToLinear();
    }

    private int ToLinear()
    {
        var mantissa = G722Tables.StepMantissa[(_logScale >> 6) & 31];
        var shift = _scaleShift - (_logScale >> 11);
        var linear = shift < 0 ? mantissa << -shift : mantissa >> shift;
        return linear << 2;
    }
}
