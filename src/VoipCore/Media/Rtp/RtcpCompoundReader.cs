using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>
/// Reads the packets of a compound RTCP datagram one by one, allocation-free:
/// <c>while (reader.TryRead(out var packet)) { ... }</c>, then <see cref="IsMalformed"/> tells whether the loop
/// stopped at the end or at a bad packet. Each packet must be version 2 with a length that fits; SR, RR, SDES
/// and BYE bodies must also hold what their counts announce. The compound rules (SR/RR first) are left to the
/// caller, so reduced-size RTCP (RFC 5506) reads too.
/// </summary>
public ref struct RtcpCompoundReader
{
    private const int HeaderLength = 4;

    private ReadOnlySpan<byte> _remaining;

    /// <summary>A reader over <paramref name="compound"/>.</summary>
    public RtcpCompoundReader(ReadOnlySpan<byte> compound)
    {
        _remaining = compound;
    }

    /// <summary>True when reading stopped at a malformed packet; what followed it is not read.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>The next packet; false at the end of the datagram or at a malformed packet.</summary>
    public bool TryRead(out RtcpPacket packet)
    {
        packet = default;
        if (_remaining.IsEmpty || IsMalformed)
        {
            return false;
        }
        if (!TrySplit(_remaining, out var data, out var body))
        {
            IsMalformed = true;
            return false;
        }
        _remaining = _remaining[data.Length..];
        packet = new RtcpPacket(data, body);
        return true;
    }

    private static bool TrySplit(ReadOnlySpan<byte> remaining, out ReadOnlySpan<byte> data, out ReadOnlySpan<byte> body)
    {
        data = default;
        body = default;
        if (remaining.Length < HeaderLength || remaining[0] >> 6 != 2)
        {
            return false;
        }
        var length = (BinaryPrimitives.ReadUInt16BigEndian(remaining[2..]) + 1) * 4;
        if (length > remaining.Length)
        {
            return false;
        }
        data = remaining[..length];
        body = data[HeaderLength..];
        if ((data[0] & 0x20) != 0)
        {
            // The last octet counts the padding, itself included.
            var padding = data[^1];
            if (padding == 0 || padding > body.Length)
            {
                return false;
            }
            body = body[..^padding];
        }
        var count = data[0] & 0x1F;
        return (RtcpPacketType)data[1] switch
        {
            RtcpPacketType.SenderReport => RtcpSenderReport.IsValid(body, count),
            RtcpPacketType.ReceiverReport => RtcpReceiverReport.IsValid(body, count),
            RtcpPacketType.SourceDescription => RtcpSourceDescription.IsValid(body, count),
            RtcpPacketType.Goodbye => RtcpGoodbye.IsValid(body, count),
            _ => true,
        };
    }
}
