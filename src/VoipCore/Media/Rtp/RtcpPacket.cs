namespace VoipCore.Media.Rtp;

/// <summary>
/// One RTCP packet of a compound, as <see cref="RtcpCompoundReader"/> hands it out. SR, RR, SDES and BYE bodies
/// were checked by the reader, so their typed views can be read without further checks.
/// </summary>
public readonly ref struct RtcpPacket
{
    internal RtcpPacket(ReadOnlySpan<byte> data, ReadOnlySpan<byte> body)
    {
        Data = data;
        Body = body;
    }

    /// <summary>The whole packet as received: header, body and padding.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The packet after its 4-byte header, without padding.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>The packet type.</summary>
    public RtcpPacketType Type => (RtcpPacketType)Data[1];

    /// <summary>The 5-bit count field: report blocks (SR/RR), chunks (SDES), sources (BYE), or the feedback format.</summary>
    public int Count => Data[0] & 0x1F;

    /// <summary>Whether the packet carried padding.</summary>
    public bool Padding => (Data[0] & 0x20) != 0;

    /// <summary>The SR view when this is a sender report.</summary>
    public bool TryGetSenderReport(out RtcpSenderReport report)
    {
        report = Type == RtcpPacketType.SenderReport ? new RtcpSenderReport(Body, Count) : default;
        return Type == RtcpPacketType.SenderReport;
    }

    /// <summary>The RR view when this is a receiver report.</summary>
    public bool TryGetReceiverReport(out RtcpReceiverReport report)
    {
        report = Type == RtcpPacketType.ReceiverReport ? new RtcpReceiverReport(Body, Count) : default;
        return Type == RtcpPacketType.ReceiverReport;
    }

    /// <summary>The SDES view when this is a source description.</summary>
    public bool TryGetSourceDescription(out RtcpSourceDescription description)
    {
        description = Type == RtcpPacketType.SourceDescription ? new RtcpSourceDescription(Body, Count) : default;
        return Type == RtcpPacketType.SourceDescription;
    }

    /// <summary>The BYE view when this is a goodbye.</summary>
    public bool TryGetGoodbye(out RtcpGoodbye goodbye)
    {
        goodbye = Type == RtcpPacketType.Goodbye ? new RtcpGoodbye(Body, Count) : default;
        return Type == RtcpPacketType.Goodbye;
    }
}
