namespace VoipCore.Media.Rtp;

/// <summary>Tells RTCP from RTP when both share one port (rtcp-mux, RFC 5761 section 4).</summary>
public static class RtcpMux
{
    /// <summary>
    /// True when <paramref name="datagram"/> is RTCP: version 2 and a second octet of 192-223, i.e. an RTCP packet
    /// type 192-223, which RFC 5761 keeps apart from RTP payload types (with the marker bit those fall in 128-255
    /// only for payload types 64-95, which a muxing session must not use).
    /// </summary>
    public static bool IsRtcp(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= 2 && datagram[0] >> 6 == 2 && datagram[1] is >= 192 and <= 223;
}
