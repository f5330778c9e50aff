namespace VoipCore.Sdp;

/// <summary>
/// Reads the remote side's m= section the same way whether it came as an offer or as an answer, and turns
/// the agreed formats into a <see cref="NegotiatedMedia"/>.
/// </summary>
internal static class RemoteStream
{
    /// <summary>
    /// The remote side's direction. The RFC 2543 hold address (c=0.0.0.0) means it receives nothing
    /// (RFC 3264 section 8.4), except with ICE, where 0.0.0.0 is only a placeholder (RFC 8839).
    /// </summary>
    public static MediaDirection DirectionOf(SessionDescription remote, MediaDescription media)
    {
        var direction = remote.DirectionOf(media);
        var usesIce = (media.Attributes.IceUfrag ?? remote.Attributes.IceUfrag) is not null;
        if (!usesIce && remote.ConnectionOf(media) is { IsUnspecifiedAddress: true })
        {
            direction &= ~MediaDirection.RecvOnly;
        }
        return direction;
    }

    /// <summary>
    /// The remote telephone-event format to use beside a codec: one at the codec's clock rate if present
    /// (RFC 4733 section 2.3), else the first one, and only at a clock rate <paramref name="rateAllowed"/> accepts.
    /// </summary>
    public static PayloadFormat? FindTelephoneEvent(MediaDescription media, int codecClockRate, Func<int, bool> rateAllowed)
    {
        PayloadFormat? first = null;
        foreach (var format in PayloadFormat.ListOf(media))
        {
            if (!format.IsTelephoneEvent || !rateAllowed(format.Map.ClockRate))
            {
                continue;
            }
            if (format.Map.ClockRate == codecClockRate)
            {
                return format;
            }
            first ??= format;
        }
        return first;
    }

    public static NegotiatedMedia Negotiate(
        MediaDescription media,
        ConnectionData connection,
        PayloadFormat codec,
        PayloadFormat? telephoneEvent,
        MediaDirection ourDirection,
        bool rtcpMux)
    {
        var (rtcpAddress, rtcpPort) = (connection.Address, media.Port + 1);
        if (rtcpMux)
        {
            rtcpPort = media.Port;
        }
        else if (media.Rtcp is RtcpAttribute rtcp)
        {
            (rtcpAddress, rtcpPort) = (rtcp.Address ?? connection.Address, rtcp.Port);
        }
        return new NegotiatedMedia(
            codec.PayloadType,
            codec.Map.EncodingName,
            codec.Map.ClockRate,
            codec.Map.ChannelCount,
            FmtpParameters.Parse(media.GetFmtp(codec.PayloadType)?.Parameters),
            telephoneEvent?.PayloadType,
            telephoneEvent?.Map.ClockRate,
            connection.Address,
            media.Port,
            rtcpAddress,
            rtcpPort,
            ourDirection,
            rtcpMux,
            media.Ptime,
            media.Mid);
    }
}
