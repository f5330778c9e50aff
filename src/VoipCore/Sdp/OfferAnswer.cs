namespace VoipCore.Sdp;

/// <summary>
/// RFC 3264 offer/answer for audio. Pure functions over descriptions: nothing here opens a socket or knows
/// SIP. Failing to agree is a result (<see cref="NegotiationStatus"/>), never an exception.
/// </summary>
public static class OfferAnswer
{
    /// <summary>
    /// Our offer: one audio m= line with every codec in <paramref name="capabilities"/>, static payload
    /// types where RFC 3551 has them, 96 upwards for the rest.
    /// </summary>
    /// <param name="previousLocal">Our last description in this session, for a re-offer: its o= line is kept, the version incremented if anything changed.</param>
    public static SessionDescription CreateOffer(
        MediaCapabilities capabilities, LocalMediaEndpoint local, SessionDescription? previousLocal = null) =>
        OfferBuilder.Create(capabilities, local, previousLocal);

    /// <summary>
    /// Our answer to a remote offer. Per offered m= line, in order: the first audio stream with an
    /// acceptable protocol and a common codec is accepted with exactly one codec (our most preferred one
    /// that was offered, under the offerer's payload type number) plus telephone-event if offered; every
    /// other line is refused with port 0. Our direction is the offer's, reversed, narrowed by ours.
    /// </summary>
    /// <param name="previousLocal">Our last description in this session, when answering a re-offer.</param>
    public static AnswerResult CreateAnswer(
        SessionDescription offer,
        MediaCapabilities capabilities,
        LocalMediaEndpoint local,
        SessionDescription? previousLocal = null) =>
        AnswerBuilder.Create(offer, capabilities, local, previousLocal);

    /// <summary>
    /// Reads the answer to <paramref name="offer"/> (our own): per stream the first answered codec that we
    /// offered, telephone-event, rtcp-mux, our resulting direction, or why the stream is refused.
    /// </summary>
    public static NegotiationResult ProcessAnswer(SessionDescription offer, SessionDescription answer) =>
        AnswerProcessor.Process(offer, answer);

    /// <summary>
    /// A re-offer that differs from our previous description only in direction, with the o= version
    /// incremented: <see cref="MediaDirection.SendOnly"/> to hold, <see cref="MediaDirection.Inactive"/> to
    /// hold while the peer holds us too, <see cref="MediaDirection.SendRecv"/> to resume. Refused streams stay refused.
    /// </summary>
    public static SessionDescription CreateReOffer(SessionDescription previousLocal, MediaDirection direction)
    {
        var next = previousLocal.Clone();
        next.Attributes.Direction = null;
        foreach (var media in next.Media)
        {
            if (!media.IsRejected)
            {
                media.Attributes.Direction = direction;
            }
        }
        LocalDescription.StampOrigin(next, previousLocal);
        return next;
    }
}
