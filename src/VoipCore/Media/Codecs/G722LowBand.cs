namespace VoipCore.Media.Codecs;

/// <summary>
/// The lower sub-band ADPCM of G.722 at 64 kbit/s (mode 1): a 6-bit quantizer whose top 4 bits alone drive the
/// step size and predictor adaptation, so encoder and decoder track each other whatever the mode.
/// </summary>
internal sealed class G722LowBand
{
    private const int Intervals = 30;

    private readonly G722AdaptivePredictor _predictor = new();
    private readonly G722StepSize _step = new(18432, 8);

    /// <summary>QUANTL: codes one lower-band sample (xL) into 6 bits and adapts.</summary>
    public int Encode(int sample)
    {
        var difference = G722AdaptivePredictor.Saturate(sample - _predictor.Estimate);
        // The standard takes the one's complement magnitude of negative differences.
        var magnitude = difference >= 0 ? difference : ~difference;
        var levels = G722Tables.LowDecisionLevels;
        var interval = 1;
        while (interval < Intervals && magnitude >= (levels[interval] * _step.Value) >> 12)
        {
            interval++;
        }
        int code = difference < 0 ? G722Tables.LowNegativeCodes[interval] : G722Tables.LowPositiveCodes[interval];
        Adapt(code);
        return code;
    }

    /// <summary>Reconstructs one lower-band sample (rL) from a 6-bit code with the mode 1 inverse quantizer and adapts.</summary>
    public int Decode(int code)
    {
        var sample = _predictor.Estimate + ((_step.Value * G722Tables.LowInverse6[code]) >> 15);
        Adapt(code);
        return Math.Clamp(sample, -16384, 16383);
    }

    /// <summary>INVQAL, LOGSCL, SCALEL and block 4 with the 4-bit version of <paramref name="code"/>.</summary>
    private void Adapt(int code)
    {
        var code4 = code >> 2;
        var difference = (_step.Value * G722Tables.LowInverse4[code4]) >> 15;
        _step.Adapt(G722Tables.LowLogIncrement[G722Tables.LowMagnitudeClass[code4]]);
        _predictor.Update(difference);
    }
}
