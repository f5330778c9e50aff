using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VoipCore.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law (PCMA). The law is defined on 13-bit sign-magnitude samples: a 16-bit sample keeps its top
/// 13 bits and negative samples take their one's complement as magnitude. Both directions are table lookups built
/// once from the segment formula.
/// </summary>
internal readonly struct ALaw : IG711Law
{
    /// <inheritdoc cref="IG711Law.Info"/>
    public static AudioCodecInfo Info { get; } = new("PCMA", 8000, 8000, 1);

    // Indexed by the 13-bit sample + 4096: 8 KiB.
    private static readonly byte[] EncodeTable = G711Tables.Encode(8192, Compress);
    private static readonly short[] DecodeTable = G711Tables.Decode(Expand);

    /// <inheritdoc cref="IG711Law.Encode"/>
    public static byte Encode(short sample) =>
        // (sample >> 3) + 4096 is always within 0..8191, the table's bounds.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(EncodeTable), (sample >> 3) + 4096);

    /// <inheritdoc cref="IG711Law.Decode"/>
    public static short Decode(byte code) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(DecodeTable), code);

    private static byte Compress(int sample13)
    {
        var negative = sample13 < 0;
        var magnitude = negative ? ~sample13 : sample13;
        // Segments 0 and 1 share one step size (the law's linear part); from 32 on each segment doubles.
        var segment = magnitude < 32 ? 0 : BitOperations.Log2((uint)magnitude) - 4;
        var mantissa = (magnitude >> Math.Max(segment, 1)) & 0x0F;
        var code = (segment << 4) | mantissa;
        // Even bits are inverted on the line; the sign bit is set for positive values.
        return (byte)(negative ? code ^ 0x55 : code ^ 0xD5);
    }

    private static short Expand(byte code)
    {
        var bits = code ^ 0x55;
        var segment = (bits >> 4) & 0x07;
        // Reconstruct at the middle of the quantization interval.
        var magnitude = ((bits & 0x0F) << 4) + 8;
        if (segment > 0)
        {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }
        return (short)((bits & 0x80) != 0 ? magnitude : -magnitude);
    }
}
