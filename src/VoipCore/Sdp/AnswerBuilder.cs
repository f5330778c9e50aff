namespace VoipCore.Sdp;

/// <summary>
/// Answers a remote offer (RFC 3264 section 6): one answer m= line per offered one, in the same order;
/// the first audio stream we can serve is accepted, everything else gets port 0.
/// </summary>
internal static class AnswerBuilder
{
    public static AnswerResult Create(
        SessionDescription offer,
        MediaCapabilities capabilities,
        LocalMediaEndpoint local,
        SessionDescription? previousLocal)
    {
        var answer = LocalDescription.CreateSession(local);
        var streams = new List<StreamResult>(offer.Media.Count);
        var audioAccepted = false;
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var offered = offer.Media[index];
            var reason = Screen(offer, offered, capabilities, audioAccepted);
            var choice = reason is null ? ChooseCodec(offered, capabilities) : null;
            if (choice is null)
            {
                answer.Media.Add(Rejected(offered));
                streams.Add(new StreamResult(index, offered.Media, null, reason ?? StreamRejectReason.NoCommonCodec));
                continue;
            }
            var (codec, codecCapability) = choice.Value;
            var telephoneEvent = RemoteStream.FindTelephoneEvent(
                offered, codec.Map.ClockRate, rate => FindTelephoneEventCapability(capabilities, rate) is not null);
            var formats = new List<(int, CodecCapability)> { (codec.PayloadType, codecCapability) };
            if (telephoneEvent is PayloadFormat events)
            {
                formats.Add((events.PayloadType, FindTelephoneEventCapability(capabilities, events.Map.ClockRate)!));
            }
            var rtcpMux = capabilities.RtcpMux && offered.RtcpMux;
            var direction = RemoteStream.DirectionOf(offer, offered).Reverse().Intersect(capabilities.Direction);
            answer.Media.Add(LocalDescription.CreateAudio(
                offered.Protocol, local.RtpPort, formats, capabilities, rtcpMux, direction, offered.Mid));
            var negotiated = RemoteStream.Negotiate(
                offered, offer.ConnectionOf(offered)!, codec, telephoneEvent, direction, rtcpMux);
            streams.Add(new StreamResult(index, offered.Media, negotiated, null));
            audioAccepted = true;
        }
        LocalDescription.StampOrigin(answer, previousLocal);
        return new AnswerResult(answer, NegotiationResult.FromStreams(streams));
    }

    /// <summary>The reasons to refuse a stream that do not need a look at its codecs.</summary>
    private static StreamRejectReason? Screen(
        SessionDescription offer, MediaDescription offered, MediaCapabilities capabilities, bool audioAccepted)
    {
        if (offered.IsRejected)
        {
            return StreamRejectReason.DisabledByPeer;
        }
        if (offered.Media != "audio")
        {
            return StreamRejectReason.UnsupportedMedia;
        }
        if (!capabilities.AcceptsProtocol(offered.Protocol))
        {
            return StreamRejectReason.UnsupportedProtocol;
        }
        if (audioAccepted)
        {
            return StreamRejectReason.ExtraAudioStream;
        }
        return offer.ConnectionOf(offered) is null ? StreamRejectReason.NoConnectionAddress : null;
    }

    /// <summary>
    /// Our most preferred codec among those offered, under the offerer's payload type number
    /// (RFC 3264 section 6.1). Our preference, not the offerer's order, decides.
    /// </summary>
    private static (PayloadFormat Offered, CodecCapability Capability)? ChooseCodec(
        MediaDescription offered, MediaCapabilities capabilities)
    {
        foreach (var capability in capabilities.Codecs)
        {
            if (capability.IsTelephoneEvent)
            {
                continue;
            }
            foreach (var format in PayloadFormat.ListOf(offered))
            {
                if (capability.Matches(format.Map))
                {
                    return (format, capability);
                }
            }
        }
        return null;
    }

    private static CodecCapability? FindTelephoneEventCapability(MediaCapabilities capabilities, int clockRate)
    {
        foreach (var capability in capabilities.Codecs)
        {
            if (capability.IsTelephoneEvent && capability.ClockRate == clockRate)
            {
                return capability;
            }
        }
        return null;
    }

    /// <summary>
    /// A refused stream: port 0, the offered media type, protocol and formats (RFC 3264 section 6 wants at
    /// least one format) and its mid, so BUNDLE-aware peers can tell which stream it was.
    /// </summary>
    private static MediaDescription Rejected(MediaDescription offered)
    {
        var media = new MediaDescription(offered.Media, 0, offered.Protocol);
        media.Formats.AddRange(offered.Formats);
        if (offered.Mid is string mid)
        {
            media.Attributes.Add("mid", mid);
        }
        return media;
    }
}
