using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VoipCore.Media.Codecs;

/// <summary>
/// ITU-T G.711 µ-law (PCMU). The law is defined on 14-bit sign-magnitude samples, so a 16-bit sample keeps its top
/// 14 bits and negative samples take their one's complement as magnitude, which makes the quantizer symmetric
/// (x and -x-1 code to mirror images), as in the ITU-T G.191 reference tool. Encoders derived from the old Sun code
/// negate instead and pick the neighbouring code at 127 negative decision boundaries; decoding is the same.
/// Both directions are table lookups built once from the segment formula.
/// </summary>
internal readonly struct MuLaw : IG711Law
{
    /// <inheritdoc cref="IG711Law.Info"/>
    public static AudioCodecInfo Info { get; } = new("PCMU", 8000, 8000, 1);

    // G.711 adds 33 (in 14-bit units) before finding the segment so that segment boundaries fall on powers of two.
    private const int Bias = 33;
    private const int MaxBiasedMagnitude = 0x1FFF;

    // Indexed by the 14-bit sample + 8192: 16 KiB, small enough to stay in L1 while a frame is coded.
    private static readonly byte[] EncodeTable = G711Tables.Encode(16384, Compress);
    private static readonly short[] DecodeTable = G711Tables.Decode(Expand);

    /// <inheritdoc cref="IG711Law.Encode"/>
    public static byte Encode(short sample) =>
        // (sample >> 2) + 8192 is always within 0..16383, the table's bounds.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(EncodeTable), (sample >> 2) + 8192);

    /// <inheritdoc cref="IG711Law.Decode"/>
    public static short Decode(byte code) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(DecodeTable), code);

    private static byte Compress(int sample14)
    {
        var negative = sample14 < 0;
        var magnitude = Math.Min((negative ? ~sample14 : sample14) + Bias, MaxBiasedMagnitude);
        // The biased magnitude lies in 32..8191: segment 0 is 32..63, each next segment doubles.
        var segment = BitOperations.Log2((uint)magnitude) - 5;
        var mantissa = (magnitude >> (segment + 1)) & 0x0F;
        var code = (segment << 4) | mantissa;
        // Codes are sent inverted, positive values with the sign bit set.
        return (byte)(negative ? code ^ 0x7F : code ^ 0xFF);
    }

    private static short Expand(byte code)
    {
        var inverted = ~code & 0xFF;
        var segment = (inverted >> 4) & 0x07;
        var magnitude = (((inverted & 0x0F) << 3) + (Bias << 2) << segment) - (Bias << 2);
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }
}
