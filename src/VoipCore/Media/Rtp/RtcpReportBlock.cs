using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>
/// One reception report block of an SR or RR (RFC 3550 section 6.4.1): what a receiver observed about one source.
/// </summary>
/// <param name="Ssrc">The source the block reports on.</param>
/// <param name="FractionLost">Packets lost since the previous report, as a fraction of those expected, in 1/256.</param>
/// <param name="CumulativeLost">Packets lost since reception began; 24-bit signed on the wire (duplicates can make it negative).</param>
/// <param name="ExtendedHighestSequenceNumber">Highest sequence number received, with wrap-arounds counted in the upper 16 bits.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units.</param>
/// <param name="LastSenderReport">LSR: middle 32 bits of the NTP timestamp of the source's last SR, 0 when none came.</param>
/// <param name="DelaySinceLastSenderReport">DLSR: time from receiving that SR to sending this block, in 1/65536 s.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequenceNumber,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>Size of a block on the wire.</summary>
    public const int Length = 24;

    private const int MaxCumulativeLost = 0x7FFFFF;
    private const int MinCumulativeLost = -0x800000;

    /// <summary><see cref="FractionLost"/> as a percentage.</summary>
    public double FractionLostPercent => FractionLost * 100.0 / 256;

    /// <summary>A loss count clamped to what the 24-bit signed field holds, as section 6.4.1 asks instead of wrapping.</summary>
    public static int ClampCumulativeLost(long lost) => (int)Math.Clamp(lost, MinCumulativeLost, MaxCumulativeLost);

    /// <summary>Block <paramref name="index"/> of the <paramref name="count"/> that <paramref name="blocks"/> starts with.</summary>
    internal static RtcpReportBlock ReadAt(ReadOnlySpan<byte> blocks, int count, int index)
    {
        if ((uint)index >= (uint)count)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "report block index out of range");
        }
        var source = blocks.Slice(index * Length, Length);
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            source[4],
            // Shift the fraction octet out, then back arithmetically to sign-extend the 24-bit count.
            (int)(BinaryPrimitives.ReadUInt32BigEndian(source[4..]) << 8) >> 8,
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]));
    }

    internal void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        var lost = (uint)ClampCumulativeLost(CumulativeLost) & 0xFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | lost);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }
}
