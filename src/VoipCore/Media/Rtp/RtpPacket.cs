using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>
/// A view of one RTP packet (RFC 3550 section 5.1) over the received bytes. Only the structure is checked by
/// <see cref="TryParse"/>; header fields are read from the buffer when asked for, so parsing costs nothing per field
/// the caller does not use.
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>Size of the fixed header, before CSRCs and the extension.</summary>
    public const int FixedHeaderLength = 12;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _payloadOffset;
    private readonly int _payloadLength;

    private RtpPacket(ReadOnlySpan<byte> data, int payloadOffset, int payloadLength)
    {
        _data = data;
        _payloadOffset = payloadOffset;
        _payloadLength = payloadLength;
    }

    /// <summary>
    /// Checks <paramref name="data"/> is a well-formed RTP packet: version 2, room for the CSRC list and the header
    /// extension it announces, and a padding count that fits. Returns false for anything else.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet)
    {
        packet = default;
        if (data.Length < FixedHeaderLength || data[0] >> 6 != 2)
        {
            return false;
        }
        var headerLength = FixedHeaderLength + 4 * (data[0] & 0x0F);
        if ((data[0] & 0x10) != 0)
        {
            if (data.Length < headerLength + 4)
            {
                return false;
            }
            headerLength += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(data[(headerLength + 2)..]);
        }
        if (data.Length < headerLength)
        {
            return false;
        }
        var end = data.Length;
        if ((data[0] & 0x20) != 0)
        {
            // The last octet counts the padding, itself included, so zero is as malformed as too many.
            var padding = data[^1];
            if (padding == 0 || padding > end - headerLength)
            {
                return false;
            }
            end -= padding;
        }
        packet = new RtpPacket(data, headerLength, end - headerLength);
        return true;
    }

    /// <summary>The RTP version; always 2 for a parsed packet.</summary>
    public int Version => _data[0] >> 6;

    /// <summary>Whether the packet carried padding (already removed from <see cref="Payload"/>).</summary>
    public bool Padding => (_data[0] & 0x20) != 0;

    /// <summary>Whether a header extension follows the CSRC list.</summary>
    public bool Extension => (_data[0] & 0x10) != 0;

    /// <summary>Number of CSRC identifiers.</summary>
    public int CsrcCount => _data[0] & 0x0F;

    /// <summary>The marker bit (for audio: the first packet of a talkspurt).</summary>
    public bool Marker => (_data[1] & 0x80) != 0;

    /// <summary>The payload type, 0-127.</summary>
    public byte PayloadType => (byte)(_data[1] & 0x7F);

    /// <summary>The 16-bit sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_data[2..]);

    /// <summary>The media timestamp, in clock-rate units.</summary>
    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_data[4..]);

    /// <summary>The synchronization source.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_data[8..]);

    /// <summary>The contributing source at <paramref name="index"/> (0 to <see cref="CsrcCount"/> - 1).</summary>
    public uint GetCsrc(int index)
    {
        if ((uint)index >= (uint)CsrcCount)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "CSRC index out of range");
        }
        return BinaryPrimitives.ReadUInt32BigEndian(_data[(FixedHeaderLength + 4 * index)..]);
    }

    /// <summary>The profile-defined 16 bits of the header extension; 0 without one.</summary>
    public ushort ExtensionProfile =>
        Extension ? BinaryPrimitives.ReadUInt16BigEndian(_data[ExtensionOffset..]) : (ushort)0;

    /// <summary>The header extension's data words (after its 4-byte header); empty without one.</summary>
    public ReadOnlySpan<byte> ExtensionData =>
        Extension ? _data[(ExtensionOffset + 4).._payloadOffset] : [];

    /// <summary>Length of the whole header: fixed part, CSRCs and extension.</summary>
    public int HeaderLength => _payloadOffset;

    /// <summary>The payload, without padding; a slice of the parsed buffer.</summary>
    public ReadOnlySpan<byte> Payload => _data.Slice(_payloadOffset, _payloadLength);

    private int ExtensionOffset => FixedHeaderLength + 4 * CsrcCount;
}
