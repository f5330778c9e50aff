namespace VoipCore.Sdp;

/// <summary>Reads the answer to our offer: which codec, which direction, which streams were refused.</summary>
internal static class AnswerProcessor
{
    public static NegotiationResult Process(SessionDescription offer, SessionDescription answer)
    {
        if (offer.Media.Count != answer.Media.Count)
        {
            return new NegotiationResult(
                NegotiationStatus.InvalidAnswer,
                [],
                $"the answer has {answer.Media.Count} m= lines, the offer had {offer.Media.Count}");
        }
        var streams = new List<StreamResult>(offer.Media.Count);
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var ours = offer.Media[index];
            var theirs = answer.Media[index];
            var reason = Screen(ours, theirs, answer);
            var codec = reason is null ? ChooseCodec(ours, theirs) : null;
            if (codec is not PayloadFormat chosen)
            {
                streams.Add(new StreamResult(index, ours.Media, null, reason ?? StreamRejectReason.NoCommonCodec));
                continue;
            }
            var telephoneEvent = RemoteStream.FindTelephoneEvent(
                theirs, chosen.Map.ClockRate, rate => OfferedTelephoneEvent(ours, rate));
            var rtcpMux = ours.RtcpMux && theirs.RtcpMux;
            var direction = RemoteStream.DirectionOf(answer, theirs).Reverse().Intersect(offer.DirectionOf(ours));
            var negotiated = RemoteStream.Negotiate(
                theirs, answer.ConnectionOf(theirs)!, chosen, telephoneEvent, direction, rtcpMux);
            streams.Add(new StreamResult(index, ours.Media, negotiated, null));
        }
        return NegotiationResult.FromStreams(streams);
    }

    private static StreamRejectReason? Screen(MediaDescription ours, MediaDescription theirs, SessionDescription answer)
    {
        if (ours.IsRejected)
        {
            return StreamRejectReason.DisabledLocally;
        }
        if (theirs.IsRejected)
        {
            return StreamRejectReason.DisabledByPeer;
        }
        if (ours.Media != "audio" || theirs.Media != ours.Media)
        {
            return StreamRejectReason.UnsupportedMedia;
        }
        if (!string.Equals(theirs.Protocol, ours.Protocol, StringComparison.OrdinalIgnoreCase))
        {
            return StreamRejectReason.UnsupportedProtocol;
        }
        return answer.ConnectionOf(theirs) is null ? StreamRejectReason.NoConnectionAddress : null;
    }

    /// <summary>
    /// The first codec in the answer's list that we offered. Matched by codec rather than by number, so an
    /// answer that renumbers (against RFC 3264 section 6.1) still works: we send with the answer's number.
    /// </summary>
    private static PayloadFormat? ChooseCodec(MediaDescription ours, MediaDescription theirs)
    {
        foreach (var answered in PayloadFormat.ListOf(theirs))
        {
            if (answered.IsTelephoneEvent)
            {
                continue;
            }
            foreach (var offered in PayloadFormat.ListOf(ours))
            {
                if (!offered.IsTelephoneEvent
                    && answered.Map.IsSameCodec(offered.Map.EncodingName, offered.Map.ClockRate, offered.Map.ChannelCount))
                {
                    return answered;
                }
            }
        }
        return null;
    }

    private static bool OfferedTelephoneEvent(MediaDescription ours, int clockRate)
    {
        foreach (var offered in PayloadFormat.ListOf(ours))
        {
            if (offered.IsTelephoneEvent && offered.Map.ClockRate == clockRate)
            {
                return true;
            }
        }
        return false;
    }
}
