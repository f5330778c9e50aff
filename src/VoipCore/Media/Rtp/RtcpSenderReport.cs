using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>A view of an SR packet's body (RFC 3550 section 6.4.1): sender info, then report blocks.</summary>
public readonly ref struct RtcpSenderReport
{
    // SSRC, NTP timestamp, RTP timestamp, packet count, octet count.
    private const int SenderInfoLength = 24;

    private readonly ReadOnlySpan<byte> _body;

    internal RtcpSenderReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    /// <summary>The sender's SSRC.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>The sender's wall clock when it sent the report (64-bit NTP format).</summary>
    public ulong NtpTimestamp => BinaryPrimitives.ReadUInt64BigEndian(_body[4..]);

    /// <summary>The same instant on the sender's RTP media clock.</summary>
    public uint RtpTimestamp => BinaryPrimitives.ReadUInt32BigEndian(_body[12..]);

    /// <summary>Packets the sender has sent (modulo 2^32).</summary>
    public uint PacketCount => BinaryPrimitives.ReadUInt32BigEndian(_body[16..]);

    /// <summary>Payload octets the sender has sent (modulo 2^32).</summary>
    public uint OctetCount => BinaryPrimitives.ReadUInt32BigEndian(_body[20..]);

    /// <summary>Number of report blocks.</summary>
    public int ReportCount { get; }

    /// <summary>Report block <paramref name="index"/> (0 to <see cref="ReportCount"/> - 1).</summary>
    public RtcpReportBlock GetReportBlock(int index) =>
        RtcpReportBlock.ReadAt(_body[SenderInfoLength..], ReportCount, index);

    /// <summary>Whether an SR body holds the sender info and the blocks its count announces (extensions may follow).</summary>
    internal static bool IsValid(ReadOnlySpan<byte> body, int reportCount) =>
        body.Length >= SenderInfoLength + reportCount * RtcpReportBlock.Length;
}
