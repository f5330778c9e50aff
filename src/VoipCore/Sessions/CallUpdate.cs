using VoipCore.Sdp;
using VoipCore.Sip;
using VoipCore.Transactions;

namespace VoipCore.Sessions;

/// <summary>
/// The peer's UPDATE (RFC 3311), early or confirmed: with an offer it changes the session like a re-INVITE
/// (answered in the 200), without one it only refreshes the session (RFC 4028).
/// </summary>
public sealed partial class Call
{
    private void OnUpdate(ServerTransaction transaction)
    {
        if (_reInviteOutstanding)
        {
            // RFC 3311 5.2: our own offer is still unanswered.
            transaction.Respond(491, "Request Pending");
            return;
        }
        if (!SdpBody.TryRead(transaction.Request, out var offer, out string error))
        {
            transaction.Respond(488, error.Length > 60 ? "Not Acceptable Here" : error);
            return;
        }
        var response = transaction.CreateResponse(200);
        response.Add(HeaderId.Contact, _dialog!.LocalContact).Add(HeaderId.Allow, CallManager.AllowedMethods);
        NegotiatedMedia? negotiated = null;
        if (offer != null)
        {
            if (!TryAnswerPeerOffer(offer, out negotiated))
            {
                transaction.Respond(488, "Not Acceptable Here");
                return;
            }
            response.SetBody(SdpBody.ContentType, SdpBody.Write(_localSdp!));
        }
        if (_sessionExpires is { } agreed && transaction.Request.Contains(HeaderId.SessionExpires))
        {
            response.Add(HeaderId.SessionExpires, agreed.ToString()).Add(HeaderId.Require, OptionTags.Timer);
        }
        transaction.Respond(response);
        _dialog.ApplyTargetRefresh(transaction.Request);
        RestartSessionTimer();
        if (offer == null)
        {
            return;
        }
        if (Direction == CallDirection.Incoming && State == CallState.Ringing && !_earlyMediaSent)
        {
            // Not answered yet and no early media: the media starts with the answer, on what was agreed last.
            _offeredMedia = negotiated;
            return;
        }
        ApplyPeerNegotiation(negotiated);
    }

    /// <summary>Answers the peer's offer from our capabilities and current description; false when nothing fits.</summary>
    private bool TryAnswerPeerOffer(SessionDescription offer, out NegotiatedMedia? negotiated)
    {
        var capabilities = _capabilities with { Direction = State == CallState.OnHold ? MediaDirection.SendOnly : MediaDirection.SendRecv };
        var answer = OfferAnswer.CreateAnswer(offer, capabilities, _media!.LocalEndpoint, _localSdp);
        negotiated = answer.Negotiation.Audio;
        if (!answer.Negotiation.IsAccepted)
        {
            return false;
        }
        _localSdp = answer.Answer;
        return true;
    }

    /// <summary>Applies what the peer's offer and our answer agreed, telling the host when the peer held or resumed us.</summary>
    private void ApplyPeerNegotiation(NegotiatedMedia? negotiated)
    {
        bool wasHeld = _remoteHold;
        ApplyNegotiation(negotiated);
        if (wasHeld != _remoteHold)
        {
            var state = State;
            PostState(state, state, 0, _remoteHold ? "the peer put the call on hold" : "the peer resumed the call");
        }
    }
}
