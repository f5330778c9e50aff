using System.Buffers.Binary;
using System.Text;

namespace VoipCore.Media.Rtp;

/// <summary>
/// Builds a compound RTCP packet into a caller's buffer, allocation-free: an SR or RR first, then SDES with the
/// CNAME, then a BYE when leaving (RFC 3550 section 6.1). Each Write appends one packet; <see cref="Written"/> is
/// the datagram to send. A buffer too small or a value that does not fit its field throws, as those are
/// programming errors; 1500 bytes hold an SR with 31 blocks, a CNAME and a BYE.
/// </summary>
public ref struct RtcpWriter
{
    private const int MaxCount = 31;
    private const int MaxText = 255;

    private readonly Span<byte> _destination;
    private int _length;

    /// <summary>A writer appending into <paramref name="destination"/>.</summary>
    public RtcpWriter(Span<byte> destination)
    {
        _destination = destination;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The compound written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _destination[.._length];

    /// <summary>
    /// Appends an SR: our SSRC, the NTP wall-clock time and the RTP timestamp of the same instant, the packets and
    /// payload octets sent so far (modulo 2^32), and up to 31 report blocks about the sources we receive.
    /// </summary>
    public void WriteSenderReport(
        uint ssrc, ulong ntpTimestamp, uint rtpTimestamp, uint packetCount, uint octetCount, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        var body = Append(RtcpPacketType.SenderReport, reportBlocks.Length, 24 + reportBlocks.Length * RtcpReportBlock.Length);
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(body[4..], ntpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[12..], rtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[16..], packetCount);
        BinaryPrimitives.WriteUInt32BigEndian(body[20..], octetCount);
        WriteBlocks(body[24..], reportBlocks);
    }

    /// <summary>Appends an RR: our SSRC and up to 31 report blocks (none when we receive nothing yet).</summary>
    public void WriteReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        var body = Append(RtcpPacketType.ReceiverReport, reportBlocks.Length, 4 + reportBlocks.Length * RtcpReportBlock.Length);
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        WriteBlocks(body[4..], reportBlocks);
    }

    /// <summary>Appends an SDES with one chunk: our SSRC and its CNAME (at most 255 UTF-8 bytes).</summary>
    public void WriteSourceDescription(uint ssrc, scoped ReadOnlySpan<char> cname)
    {
        var textLength = TextLength(cname, "CNAME");
        // SSRC, item type and length, the text, then at least one null octet ending the list, to a 32-bit boundary.
        var body = Append(RtcpPacketType.SourceDescription, 1, (4 + 2 + textLength + 1 + 3) & ~3);
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        body[4] = (byte)RtcpSdesItemType.Cname;
        body[5] = (byte)textLength;
        Encoding.UTF8.GetBytes(cname, body[6..]);
    }

    /// <summary>Appends a BYE for our SSRC with an optional reason (at most 255 UTF-8 bytes).</summary>
    public void WriteGoodbye(uint ssrc, scoped ReadOnlySpan<char> reason = default)
    {
        var textLength = TextLength(reason, "BYE reason");
        var body = Append(RtcpPacketType.Goodbye, 1, reason.IsEmpty ? 4 : (4 + 1 + textLength + 3) & ~3);
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        if (!reason.IsEmpty)
        {
            body[4] = (byte)textLength;
            Encoding.UTF8.GetBytes(reason, body[5..]);
        }
    }

    /// <summary>Writes a packet header and returns its zeroed body, so padding octets need no further care.</summary>
    private Span<byte> Append(RtcpPacketType type, int count, int bodyLength)
    {
        if (count > MaxCount)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "an RTCP packet holds at most 31 report blocks");
        }
        var packetLength = 4 + bodyLength;
        if (_destination.Length - _length < packetLength)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "RTCP buffer too small");
        }
        var packet = _destination.Slice(_length, packetLength);
        packet.Clear();
        packet[0] = (byte)(0x80 | count);
        packet[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)(packetLength / 4 - 1));
        _length += packetLength;
        return packet[4..];
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        for (var index = 0; index < reportBlocks.Length; index++)
        {
            reportBlocks[index].WriteTo(destination[(index * RtcpReportBlock.Length)..]);
        }
    }

    private static int TextLength(ReadOnlySpan<char> text, string what)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (length > MaxText)
        {
            throw new VoipException(ErrorCode.InvalidArgument, what + " is longer than 255 bytes");
        }
        return length;
    }
}
