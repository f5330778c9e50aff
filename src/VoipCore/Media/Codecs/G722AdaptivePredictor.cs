namespace VoipCore.Media.Codecs;

/// <summary>
/// The pole-zero adaptive predictor of one G.722 sub-band (block 4: RECONS, PARREC, UPPOL2, UPPOL1, UPZERO, DELAYA,
/// FILTEP, FILTEZ, PREDIC): two poles on the reconstructed signal, six zeros on the quantized difference, all
/// coefficients in Q14 with the standard's 16-bit saturation at each step so encoder and decoder stay in lockstep.
/// </summary>
internal sealed class G722AdaptivePredictor
{
    private const int ZeroCount = 6;

    private readonly int[] _zeroCoefficients = new int[ZeroCount]; // BL1..BL6
    private readonly int[] _differences = new int[ZeroCount]; // DLT1..DLT6, newest first
    private int _pole1; // AL1
    private int _pole2; // AL2
    private int _reconstructed1; // RLT1
    private int _reconstructed2; // RLT2
    private int _partial1; // PLT1
    private int _partial2; // PLT2
    private int _zeroEstimate; // SZL

    /// <summary>The prediction (SL) of the next sample of the sub-band signal.</summary>
    public int Estimate { get; private set; }

    /// <summary>Takes the quantized difference of the current sample and prepares <see cref="Estimate"/> for the next.</summary>
    public void Update(int difference)
    {
        var reconstructed = Saturate(Estimate + difference);
        var partial = Saturate(difference + _zeroEstimate);
        var sign0 = partial >> 15;
        var sign1 = _partial1 >> 15;
        var sign2 = _partial2 >> 15;

        // UPPOL2: a2 leaks by 2^-7 and moves with the sign agreement of p(k), p(k-2), corrected by a1's trend.
        var pole1Term = Saturate(_pole1 << 2);
        pole1Term = Math.Min(sign0 == sign1 ? -pole1Term : pole1Term, short.MaxValue);
        var pole2 = (pole1Term >> 7) + (sign0 == sign2 ? 128 : -128) + ((_pole2 * 32512) >> 15);
        pole2 = Math.Clamp(pole2, -12288, 12288);

        // UPPOL1: a1 leaks by 2^-8, moves 3*2^-8 with the sign agreement of p(k), p(k-1), and stays in the
        // stability triangle |a1| <= 1 - 2^-4 - a2.
        var pole1 = Saturate((sign0 == sign1 ? 192 : -192) + ((_pole1 * 32640) >> 15));
        var pole1Limit = Saturate(15360 - pole2);
        pole1 = Math.Clamp(pole1, -pole1Limit, pole1Limit);

        // UPZERO: each b leaks by 2^-8 and moves 2^-7 with the sign agreement of the difference and its delayed copy.
        var step = difference == 0 ? 0 : 128;
        var differenceSign = difference >> 15;
        for (var i = 0; i < ZeroCount; i++)
        {
            var move = _differences[i] >> 15 == differenceSign ? step : -step;
            _zeroCoefficients[i] = Saturate(move + ((_zeroCoefficients[i] * 32640) >> 15));
        }

        // DELAYA
        for (var i = ZeroCount - 1; i > 0; i--)
        {
            _differences[i] = _differences[i - 1];
        }
        _differences[0] = difference;
        _reconstructed2 = _reconstructed1;
        _reconstructed1 = reconstructed;
        _partial2 = _partial1;
        _partial1 = partial;
        _pole1 = pole1;
        _pole2 = pole2;

        // FILTEP
        var poleEstimate = Saturate(
            ((_pole1 * Saturate(_reconstructed1 << 1)) >> 15) + ((_pole2 * Saturate(_reconstructed2 << 1)) >> 15));

        // FILTEZ
        var zeroEstimate = 0;
        for (var i = 0; i < ZeroCount; i++)
        {
            zeroEstimate = Saturate(zeroEstimate + ((_zeroCoefficients[i] * Saturate(_differences[i] << 1)) >> 15));
        }
        _zeroEstimate = zeroEstimate;

        // PREDIC
        Estimate = Saturate(poleEstimate + zeroEstimate);
    }

    /// <summary>Limits to the 16-bit range, as every addition in the standard's arithmetic does.</summary>
    internal static int Saturate(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);
}
