namespace VoipCore.Media.Codecs;

/// <summary>The higher sub-band ADPCM of G.722: a 2-bit quantizer (sign and one of two magnitudes).</summary>
internal sealed class G722HighBand
{
    private readonly G722AdaptivePredictor _predictor = new();
    private readonly G722StepSize _step = new(22528, 10);

    /// <summary>QUANTH: codes one higher-band sample (xH) into 2 bits and adapts.</summary>
    public int Encode(int sample)
    {
        var difference = G722AdaptivePredictor.Saturate(sample - _predictor.Estimate);
        var magnitude = difference >= 0 ? difference : ~difference;
        var large = magnitude >= (564 * _step.Value) >> 12;
        // Codes: 0 large negative, 1 small negative, 2 large positive, 3 small positive.
        var code = (difference < 0 ? 0 : 2) + (large ? 0 : 1);
        Adapt(code);
        return code;
    }

    /// <summary>Reconstructs one higher-band sample (rH) from a 2-bit code and adapts.</summary>
    public int Decode(int code)
    {
        var estimate = _predictor.Estimate;
        var difference = Adapt(code);
        return Math.Clamp(estimate + difference, -16384, 16383);
    }

    /// <summary>INVQAH, LOGSCH, SCALEH and block 4; returns the quantized difference.</summary>
    private int Adapt(int code)
    {
        var difference = (_step.Value * G722Tables.HighInverse[code]) >> 15;
        _step.Adapt(G722Tables.HighLogIncrement[code]);
        _predictor.Update(difference);
        return difference;
    }
}
