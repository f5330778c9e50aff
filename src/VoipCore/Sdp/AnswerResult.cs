namespace VoipCore.Sdp;

/// <summary>What <see cref="OfferAnswer.CreateAnswer"/> produces: the answer to send and what it agreed.</summary>
/// <param name="Answer">The answer; when nothing was accepted it still lists every m= line with port 0, but a SIP session sends 488 instead.</param>
public sealed record AnswerResult(SessionDescription Answer, NegotiationResult Negotiation);
