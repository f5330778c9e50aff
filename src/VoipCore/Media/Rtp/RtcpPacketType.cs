namespace VoipCore.Media.Rtp;

/// <summary>RTCP packet types (RFC 3550 section 12.1, RFC 4585 section 6.1). Other values pass through as numbers.</summary>
public enum RtcpPacketType : byte
{
    /// <summary>SR: sender report.</summary>
    SenderReport = 200,

    /// <summary>RR: receiver report.</summary>
    ReceiverReport = 201,

    /// <summary>SDES: source description.</summary>
    SourceDescription = 202,

    /// <summary>BYE: goodbye.</summary>
    Goodbye = 203,

    /// <summary>APP: application-defined.</summary>
    ApplicationDefined = 204,

    /// <summary>RTPFB: transport-layer feedback (RFC 4585).</summary>
    TransportFeedback = 205,

    /// <summary>PSFB: payload-specific feedback (RFC 4585).</summary>
    PayloadFeedback = 206,
}
