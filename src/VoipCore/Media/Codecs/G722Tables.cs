namespace VoipCore.Media.Codecs;

/// <summary>The constant tables of ITU-T G.722 (11/1988 text, section 6), in the standard's fixed-point scaling.</summary>
internal static class G722Tables
{
    /// <summary>The 24 QMF coefficients h0..h23, scaled by 2^13 (symmetric: h[i] = h[23 - i]).</summary>
    public static ReadOnlySpan<short> Qmf =>
    [
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
    ];

    /// <summary>QUANTL: the lower bounds of the 30 magnitude intervals of the 6-bit lower-band quantizer (index 1..29 used).</summary>
    public static ReadOnlySpan<short> LowDecisionLevels =>
    [
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    ];

    /// <summary>QUANTL: the 6-bit code of magnitude interval 1..30 for a negative difference (ILN).</summary>
    public static ReadOnlySpan<byte> LowNegativeCodes =>
    [
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4,
    ];

    /// <summary>QUANTL: the 6-bit code of magnitude interval 1..30 for a positive difference (ILP).</summary>
    public static ReadOnlySpan<byte> LowPositiveCodes =>
    [
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32,
    ];

    /// <summary>INVQAL: the 4-bit inverse quantizer (QQ4) used for the predictor, indexed by the code's top 4 bits.</summary>
    public static ReadOnlySpan<short> LowInverse4 =>
    [
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
    ];

    /// <summary>INVQBL in mode 1: the 6-bit inverse quantizer (QQ6) for the decoder's output, indexed by the code.</summary>
    public static ReadOnlySpan<short> LowInverse6 =>
    [
        -136, -136, -136, -136, -24808, -21904, -19008, -16704,
        -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576,
        -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
        10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
        1688, 1360, 1040, 728, 432, 136, -432, -136,
    ];

    /// <summary>LOGSCL: the magnitude class (RIL4 through RL42) of each 4-bit code.</summary>
    public static ReadOnlySpan<byte> LowMagnitudeClass => [0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0];

    /// <summary>LOGSCL: the log step-size increment (WL) of each magnitude class.</summary>
    public static ReadOnlySpan<short> LowLogIncrement => [-60, -30, 58, 172, 334, 538, 1198, 3042];

    /// <summary>INVQAH: the 2-bit higher-band inverse quantizer (QQ2), indexed by the code.</summary>
    public static ReadOnlySpan<short> HighInverse => [-7408, -1616, 7408, 1616];

    /// <summary>LOGSCH: the log step-size increment (WH through IH2) of each 2-bit code.</summary>
    public static ReadOnlySpan<short> HighLogIncrement => [798, -214, 798, -214];

    /// <summary>SCALEL/SCALEH: 2^(i/32) scaled by 2^11, the mantissa of the linear step size.</summary>
    public static ReadOnlySpan<short> StepMantissa =>
    [
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    ];
}
