namespace VoipCore.Sdp;

/// <summary>Builds our offer: one audio stream with every codec we have, in preference order.</summary>
internal static class OfferBuilder
{
    private const int FirstDynamicPayloadType = 96;
    private const int LastDynamicPayloadType = 127;

    public static SessionDescription Create(MediaCapabilities capabilities, LocalMediaEndpoint local, SessionDescription? previousLocal)
    {
        if (capabilities.Protocols.Count == 0)
        {
            throw new ArgumentException("no RTP profile to offer", nameof(capabilities));
        }
        var session = LocalDescription.CreateSession(local);
        session.Media.Add(LocalDescription.CreateAudio(
            capabilities.Protocols[0],
            local.RtpPort,
            AssignPayloadTypes(capabilities.Codecs),
            capabilities,
            capabilities.RtcpMux,
            capabilities.Direction,
            mid: null));
        LocalDescription.StampOrigin(session, previousLocal);
        return session;
    }

    /// <summary>
    /// Codecs with an RFC 3551 static number keep it (PCMU 0, PCMA 8, G722 9); the others get 96, 97, ...
    /// in preference order. The same capabilities always give the same numbers, so re-offers keep the
    /// mapping as RFC 3264 section 8.3.2 requires.
    /// </summary>
    private static List<(int PayloadType, CodecCapability Codec)> AssignPayloadTypes(IReadOnlyList<CodecCapability> codecs)
    {
        var formats = new List<(int, CodecCapability)>(codecs.Count);
        var hasAudioCodec = false;
        var nextDynamic = FirstDynamicPayloadType;
        foreach (var codec in codecs)
        {
            hasAudioCodec |= !codec.IsTelephoneEvent;
            if (codec.StaticPayloadType is int staticType)
            {
                formats.Add((staticType, codec));
                continue;
            }
            if (nextDynamic > LastDynamicPayloadType)
            {
                throw new ArgumentException("more codecs than dynamic payload types", nameof(codecs));
            }
            formats.Add((nextDynamic++, codec));
        }
        if (!hasAudioCodec)
        {
            throw new ArgumentException("an offer needs at least one audio codec besides telephone-event", nameof(codecs));
        }
        return formats;
    }
}
