using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>A view of an RR packet's body (RFC 3550 section 6.4.2): the reporter's SSRC, then report blocks.</summary>
public readonly ref struct RtcpReceiverReport
{
    private readonly ReadOnlySpan<byte> _body;

    internal RtcpReceiverReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    /// <summary>The reporter's SSRC.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>Number of report blocks.</summary>
    public int ReportCount { get; }

    /// <summary>Report block <paramref name="index"/> (0 to <see cref="ReportCount"/> - 1).</summary>
    public RtcpReportBlock GetReportBlock(int index) => RtcpReportBlock.ReadAt(_body[4..], ReportCount, index);

    /// <summary>Whether an RR body holds the SSRC and the blocks its count announces (extensions may follow).</summary>
    internal static bool IsValid(ReadOnlySpan<byte> body, int reportCount) =>
        body.Length >= 4 + reportCount * RtcpReportBlock.Length;
}
