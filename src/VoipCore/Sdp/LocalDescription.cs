namespace VoipCore.Sdp;

/// <summary>The parts of our own offers and answers that do not depend on the media: v, o, s, c, t and the audio section layout.</summary>
internal static class LocalDescription
{
    /// <summary>A session with our c= line, t=0 0 and a fresh origin; <see cref="StampOrigin"/> fixes the origin at the end.</summary>
    public static SessionDescription CreateSession(LocalMediaEndpoint local)
    {
        var connection = ConnectionData.ForAddress(local.Address);
        var origin = new SdpOrigin("-", NewSessionId(), 1, connection.NetType, connection.AddressType, connection.Address);
        var session = new SessionDescription(origin) { Connection = connection };
        session.Times.Add(new TimeDescription(0, 0));
        return session;
    }

    /// <summary>
    /// Keeps the origin of our previous description in this session, and increments its version only if
    /// something changed: RFC 3264 section 8 wants o= unchanged but for a version that grows with each change.
    /// </summary>
    public static void StampOrigin(SessionDescription next, SessionDescription? previous)
    {
        if (previous is null)
        {
            return;
        }
        next.Origin = previous.Origin;
        if (SdpSerializer.Serialize(next) != SdpSerializer.Serialize(previous))
        {
            next.Origin = previous.Origin.WithNextVersion();
        }
    }

    /// <summary>An audio m= section: the formats with their rtpmap and fmtp, then ptime, maxptime, rtcp-mux, direction.</summary>
    public static MediaDescription CreateAudio(
        string protocol,
        int port,
        IEnumerable<(int PayloadType, CodecCapability Codec)> formats,
        MediaCapabilities capabilities,
        bool rtcpMux,
        MediaDirection direction,
        string? mid)
    {
        var media = new MediaDescription("audio", port, protocol);
        var attributes = media.Attributes;
        if (mid is not null)
        {
            attributes.Add("mid", mid);
        }
        foreach (var (payloadType, codec) in formats)
        {
            media.Formats.Add(payloadType.ToString());
            attributes.Add(RtpMap.AttributeName, codec.ToRtpMap(payloadType).ToString());
            if (codec.FormatParameters is string parameters)
            {
                attributes.Add(Fmtp.AttributeName, new Fmtp(payloadType, parameters).ToString());
            }
        }
        if (capabilities.Ptime is int ptime)
        {
            attributes.Add("ptime", ptime.ToString());
        }
        if (capabilities.MaxPtime is int maxPtime)
        {
            attributes.Add("maxptime", maxPtime.ToString());
        }
        if (rtcpMux)
        {
            attributes.Add("rtcp-mux");
        }
        attributes.Direction = direction;
        return media;
    }

    private static string NewSessionId() => Random.Shared.NextInt64(1, long.MaxValue).ToString();
}
