using System.Text;
using VoipCore.Dialogs;
using VoipCore.Events;
using VoipCore.Sdp;
using VoipCore.Sip;
using VoipCore.Transactions;

namespace VoipCore.Sessions;

/// <summary>Within the dialog: hang-up (BYE or CANCEL), hold and resume (re-INVITE), answering the peer's re-INVITE, DTMF.</summary>
public sealed partial class Call
{
    private static readonly TimeSpan GlareRetryMin = TimeSpan.FromMilliseconds(2100);

    private bool _reInviteOutstanding;
    private ClientTransaction? _reInviteTransaction;
    private MediaDirection _reInviteDirection;
    private SessionDescription? _reOffer;

    /// <summary>Ends the call: CANCEL before an answer, BYE after it, 603 Decline for an incoming call not yet answered.</summary>
    public void Hangup() => Enqueue(CallOperation.Hangup, HangupNowAsync);

    private async Task HangupNowAsync()
    {
        var state = State;
        if (state is CallState.Terminating or CallState.Terminated)
        {
            return;
        }
        if (state == CallState.Initializing)
        {
            MoveTo(CallState.Terminated, 0, "hung up before the INVITE went out");
            return;
        }
        if (Direction == CallDirection.Incoming && state == CallState.Ringing)
        {
            lock (_gate)
            {
                _decided = true;
            }
            Decide(603, "Decline");
            return;
        }
        MoveTo(CallState.Terminating);
        if (_dialog == null || _dialog.State != DialogState.Confirmed)
        {
            await SendCancelAsync().ConfigureAwait(false);
            return;
        }
        await SendByeAsync(null).ConfigureAwait(false);
        MoveTo(CallState.Terminated, 0, "hung up");
    }

    /// <summary>Sends BYE in our dialog and waits for its answer (any: the dialog ends either way, RFC 3261 15.1.1).</summary>
    private async Task SendByeAsync(string? reason)
    {
        if (_dialog == null || _dialog.State == DialogState.Terminated)
        {
            return;
        }
        var bye = InDialogRequestFactory.Create(_dialog, SipMethod.Bye);
        if (reason != null)
        {
            bye.Add("Reason", "SIP;cause=" + reason);
        }
        var request = await PrepareInDialogAsync(_dialog, bye).ConfigureAwait(false);
        _dialog.Terminate();
        await _manager.Sip.Transactions.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Puts the call on hold: a re-INVITE offering sendonly (inactive when the peer holds us too).</summary>
    public void Hold() => Enqueue(CallOperation.Hold, () => SendReInviteAsync(_remoteHold ? MediaDirection.Inactive : MediaDirection.SendOnly));

    /// <summary>Takes the call off hold: a re-INVITE offering sendrecv.</summary>
    public void Resume() => Enqueue(CallOperation.Resume, () => SendReInviteAsync(MediaDirection.SendRecv));

    private async Task SendReInviteAsync(MediaDirection direction)
    {
        if (_reInviteOutstanding || _dialog == null)
        {
            // One offer at a time (RFC 3264 4): retry once the exchange in flight is over.
            _guardTimer = Schedule(GlareRetryMin, () => SendReInviteAsync(direction));
            return;
        }
        _reInviteOutstanding = true;
        _reInviteDirection = direction;
        _reOffer = OfferAnswer.CreateReOffer(_localSdp!, direction);
        var invite = InDialogRequestFactory.Create(_dialog, SipMethod.Invite);
        invite.Add(HeaderId.Allow, CallManager.AllowedMethods);
        invite.SetBody(SdpBody.ContentType, SdpBody.Write(_reOffer));
        var request = await PrepareInDialogAsync(_dialog, invite).ConfigureAwait(false);
        _reInviteTransaction = _manager.Sip.Transactions.Send(request, new InviteResponses(Queue, OnReInviteResponse));
    }

    private async Task OnReInviteResponse(ClientTransaction transaction, SipMessage response)
    {
        int status = response.StatusCode;
        if (transaction != _reInviteTransaction || status < 200)
        {
            return;
        }
        if (status < 300)
        {
            var ack = await PrepareAckAsync(_dialog!, response).ConfigureAwait(false);
            await _manager.Sip.Transactions.SendStateless(ack.Destination, ack.Bytes).ConfigureAwait(false);
            if (!_reInviteOutstanding || _dialog!.State == DialogState.Terminated)
            {
                // Retransmitted 2xx, or the call was hung up while the re-INVITE was out: acknowledged, nothing to apply.
                return;
            }
            _reInviteOutstanding = false;
            _dialog.ApplyTargetRefresh(response);
            RestartSessionTimer();
            var previous = _localSdp;
            _localSdp = _reOffer;
            var negotiated = SdpBody.HasBody(response) ? ReadAnswer(response) : null;
            if (negotiated == null)
            {
                _localSdp = previous;
                return;
            }
            if (State is CallState.Connected or CallState.OnHold)
            {
                MoveTo(_reInviteDirection == MediaDirection.SendRecv ? CallState.Connected : CallState.OnHold, status, response.GetReasonPhrase());
            }
            ApplyNegotiation(negotiated);
            return;
        }
        _reInviteOutstanding = false;
        if (status == 491)
        {
            // Glare (RFC 3261 14.1): the Call-ID owner waits 2.1-4 s, the other side 0-2 s.
            double wait = Direction == CallDirection.Outgoing ? 2100 + Random.Shared.Next(1900) : Random.Shared.Next(2000);
            var direction = _reInviteDirection;
            _guardTimer = Schedule(TimeSpan.FromMilliseconds(wait), () => SendReInviteAsync(direction));
            return;
        }
        if (status is 408 or 481)
        {
            // The dialog is gone (RFC 3261 14.1).
            MoveTo(CallState.Terminated, status, response.GetReasonPhrase());
            return;
        }
        _manager.Log.Warning("call", $"call {CallId}: re-INVITE refused with {status} {response.GetReasonPhrase()}; the session stays as it was");
    }

    /// <summary>A request in our dialog: BYE, re-INVITE, UPDATE, PRACK, INFO, REFER, NOTIFY; anything else the dialog does not serve gets 501.</summary>
    internal void OnInDialogRequest(ServerTransaction transaction) => Queue.Post(async () =>
    {
        var request = transaction.Request;
        if (_dialog == null || IsTerminated)
        {
            transaction.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }
        var verdict = _dialog.ProcessRequest(request);
        if (verdict != InDialogRequestVerdict.Accepted)
        {
            transaction.Respond(verdict == InDialogRequestVerdict.OutOfOrder ? 500 : 481, verdict.ToString());
            return;
        }
        switch (request.Method)
        {
            case SipMethod.Bye:
                transaction.Respond(200);
                _dialog.Terminate();
                MoveTo(CallState.Terminated, 0, "the peer hung up");
                break;
            case SipMethod.Invite:
                OnPeerReInvite((InviteServerTransaction)transaction);
                break;
            case SipMethod.Info:
                OnInfo(transaction);
                break;
            case SipMethod.Prack:
                OnPrack(transaction);
                break;
            case SipMethod.Update:
                OnUpdate(transaction);
                break;
            case SipMethod.Refer:
                await OnReferAsync(transaction).ConfigureAwait(false);
                break;
            case SipMethod.Notify:
                await OnNotifyAsync(transaction).ConfigureAwait(false);
                break;
            default:
                transaction.Respond(501, "Not Implemented");
                break;
        }
    });

    private void OnPeerReInvite(InviteServerTransaction transaction)
    {
        if (_reInviteOutstanding)
        {
            transaction.Respond(491, "Request Pending");
            return;
        }
        if (!SdpBody.TryRead(transaction.Request, out var offer, out string error))
        {
            transaction.Respond(488, error.Length > 60 ? "Not Acceptable Here" : error);
            return;
        }
        SipMessageBuilder response = transaction.CreateResponse(200);
        response.Add(HeaderId.Contact, _dialog!.LocalContact).Add(HeaderId.Allow, CallManager.AllowedMethods);
        NegotiatedMedia? negotiated = null;
        if (offer == null)
        {
            // An offerless re-INVITE: we offer again (our current description) and the answer comes in the ACK.
            _awaitingAckAnswer = true;
        }
        else if (!TryAnswerPeerOffer(offer, out negotiated))
        {
            transaction.Respond(488, "Not Acceptable Here");
            return;
        }
        response.SetBody(SdpBody.ContentType, SdpBody.Write(_localSdp!));
        transaction.Respond(response);
        _dialog.ApplyTargetRefresh(transaction.Request);
        _manager.Sip.Successes.Track(transaction);
        RestartSessionTimer();
        ApplyPeerNegotiation(negotiated);
    }

    private void OnInfo(ServerTransaction transaction)
    {
        var request = transaction.Request;
        string type = request.TryGetFirst(HeaderId.ContentType, out var value) ? SipText.Decode(value.Span).Trim().ToLowerInvariant() : "";
        string body = Encoding.UTF8.GetString(request.Body.Span);
        if (type.StartsWith("application/dtmf-relay", StringComparison.Ordinal) && DtmfRelay.TryParse(body, out char digit, out int duration))
        {
            transaction.Respond(200);
            PostDtmf(digit, "info", duration);
        }
        else if (type.StartsWith("application/dtmf", StringComparison.Ordinal) && body.Trim() is { Length: 1 } single && DtmfRelay.IsDigit(single[0]))
        {
            transaction.Respond(200);
            PostDtmf(char.ToUpperInvariant(single[0]), "info", 250);
        }
        else if (request.Body.IsEmpty)
        {
            transaction.Respond(200);
        }
        else
        {
            var refusal = transaction.CreateResponse(415);
            refusal.Add(HeaderId.Accept, "application/dtmf-relay, application/dtmf");
            transaction.Respond(refusal);
        }
    }

    private void PostDtmf(char digit, string method, int durationMs) =>
        _manager.Post(new EngineEvent(EventType.CallDtmf, Handle, Account?.Handle ?? 0, digit, durationMs,
            EventJson.Of(new DtmfDetail(digit.ToString(), method, durationMs))));

    /// <summary>
    /// Sends DTMF digits: as RFC 4733 events when telephone-event was agreed and <paramref name="useInfo"/> is
    /// false, else as SIP INFO (application/dtmf-relay), one request per digit, in order.
    /// </summary>
    public void SendDtmf(string digits, bool useInfo)
    {
        foreach (char c in digits)
        {
            if (!DtmfRelay.IsDigit(c))
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"'{c}' is not a DTMF digit (0-9, *, #, A-D)");
            }
        }
        if (digits.Length == 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "no digits to send");
        }
        Enqueue(CallOperation.SendDtmf, async () =>
        {
            if (!useInfo && _media is { CanSendTelephoneEvents: true })
            {
                _media.SendDtmf(digits.ToUpperInvariant());
                return;
            }
            foreach (char digit in digits)
            {
                if (_dialog == null || _dialog.State != DialogState.Confirmed)
                {
                    return;
                }
                var info = InDialogRequestFactory.Create(_dialog, SipMethod.Info);
                info.SetBody("application/dtmf-relay", Encoding.ASCII.GetBytes(DtmfRelay.Format(char.ToUpperInvariant(digit), 160)));
                var request = await PrepareInDialogAsync(_dialog, info).ConfigureAwait(false);
                await _manager.Sip.Transactions.SendAsync(request).ConfigureAwait(false);
            }
        });
    }
}
