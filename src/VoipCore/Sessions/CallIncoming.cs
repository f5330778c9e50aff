using VoipCore.Dialogs;
using VoipCore.Sdp;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.UserAgent;

namespace VoipCore.Sessions;

/// <summary>
/// The callee's side (RFC 3261 13.3): the offer arrives, the host decides (accept, reject, defer, forward), we
/// ring (180) or play early media (183), and answer with 200 and our SDP, retransmitted until the ACK.
/// </summary>
public sealed partial class Call
{
    private InviteServerTransaction? _incoming;
    private NegotiatedMedia? _offeredMedia;
    private string _localContact = "";
    private bool _decided;
    private bool _earlyMediaSent;
    private bool _awaitingAckAnswer;

    /// <summary>Takes an incoming INVITE whose offer was already answered in <paramref name="answer"/> (null for an INVITE without offer).</summary>
    /// <paramref name="announce"/> posts the incoming-call event: after the move to Ringing (so the host may answer
    /// at once) but before that move's own event, so hosts hear of the call first.
    internal void Offer(InviteServerTransaction transaction, ICallMedia media, AnswerResult? answer, string localContact, Action announce)
    {
        _incoming = transaction;
        _media = media;
        _localContact = localContact;
        _localSdp = answer?.Answer ?? OfferAnswer.CreateOffer(_capabilities, media.LocalEndpoint);
        _offeredMedia = answer?.Negotiation.Audio;
        _awaitingAckAnswer = answer == null;
        MoveTo(CallState.Ringing, beforeEvent: announce);
        if (_manager.Config.AutoRinging)
        {
            Respond(180);
        }
        _decisionTimer = Schedule(TimeSpan.FromSeconds(_manager.Config.DecisionTimeoutSeconds), () => Decide(480, "no decision in time"));
    }

    /// <summary>Accepts the incoming call: 200 with our SDP.</summary>
    public void Answer()
    {
        TakeDecision(CallOperation.Answer);
        Queue.Post(() =>
        {
            if (_unacknowledged != null)
            {
                // RFC 3262 3: no 2xx before the PRACK for our reliable 18x; the PRACK sends it.
                _answerAfterPrack = true;
                return;
            }
            SendAnswer();
        });
    }

    private void SendAnswer()
    {
        if (State != CallState.Ringing || !IsPending(_incoming))
        {
            return;
        }
        var response = _incoming!.CreateResponse(200);
        AddSessionHeaders(response);
        AddSessionTimerHeaders(response);
        response.SetBody(SdpBody.ContentType, SdpBody.Write(_localSdp!));
        if (!TryRespond(response))
        {
            return;
        }
        _decisionTimer?.Dispose();
        _dialog ??= Dialog.CreateAsUas(_incoming.Request, _incoming.LocalTag, _localContact, 200);
        if (_dialog.State == DialogState.Early)
        {
            _dialog.Confirm();
        }
        _manager.Sip.Successes.Track(_incoming, () => Queue.Post(EndAfterLostAckAsync));
        if (!_earlyMediaSent)
        {
            ApplyNegotiation(_offeredMedia);
        }
        MoveTo(CallState.Connected, 200, "OK");
        StartSessionTimer();
    }

    /// <summary>Refuses the incoming call with a 3xx-6xx code (486 Busy Here, 603 Decline, ...).</summary>
    public void Reject(int code, string? reason = null)
    {
        if (code is < 300 or > 699)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"a rejection code is 300-699, not {code}");
        }
        TakeDecision(CallOperation.Reject);
        Queue.Post(() => Decide(code, reason));
    }

    /// <summary>Sends the caller elsewhere: 302 Moved Temporarily with the target as Contact.</summary>
    public void Forward(string target)
    {
        if (!SipUri.TryParse(System.Text.Encoding.UTF8.GetBytes(target), out var uri) || !uri.IsSip)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"forward target '{target}' is not a sip: or sips: URI");
        }
        TakeDecision(CallOperation.Forward);
        Queue.Post(() => Decide(302, null, target));
    }

    /// <summary>Postpones the decision: the call keeps ringing, and is rejected with 480 unless decided within <paramref name="timeout"/>.</summary>
    public void Defer(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromHours(1))
        {
            throw new VoipException(ErrorCode.InvalidArgument, "a deferral lasts between 1 ms and 1 hour");
        }
        Enqueue(CallOperation.Defer, () =>
        {
            _decisionTimer?.Dispose();
            _decisionTimer = Schedule(timeout, () => Decide(480, "deferred decision timed out"));
        });
    }

    /// <summary>Tells the caller we ring (180), or with <paramref name="earlyMedia"/> sends our SDP in a 183 and starts media before answering.</summary>
    public void Ring(bool earlyMedia) => Enqueue(CallOperation.Ring, () =>
    {
        if (!earlyMedia)
        {
            Respond(180);
            return;
        }
        if (_offeredMedia == null)
        {
            throw new VoipException(ErrorCode.InvalidState, "early media needs the caller's offer, and this INVITE came without SDP");
        }
        var response = _incoming!.CreateResponse(183, "Session Progress");
        AddSessionHeaders(response);
        response.SetBody(SdpBody.ContentType, SdpBody.Write(_localSdp!));
        if (ReliableProvisionalsRequired)
        {
            MarkReliable(response);
        }
        if (TryRespond(response))
        {
            _dialog ??= Dialog.CreateAsUas(_incoming.Request, _incoming.LocalTag, _localContact, 183);
            _earlyMediaSent = true;
            ApplyNegotiation(_offeredMedia);
        }
    });

    private void TakeDecision(CallOperation operation)
    {
        lock (_gate)
        {
            _machine.Require(operation);
            if (_decided)
            {
                throw new VoipException(ErrorCode.InvalidState, "the incoming call was already answered, rejected or forwarded");
            }
            _decided = true;
        }
    }

    private void Decide(int code, string? reason, string? contact = null)
    {
        if (State != CallState.Ringing || !IsPending(_incoming))
        {
            return;
        }
        var response = _incoming!.CreateResponse(code, reason);
        if (contact != null)
        {
            response.Add(HeaderId.Contact, $"<{contact}>");
        }
        if (TryRespond(response))
        {
            MoveTo(CallState.Terminated, code, reason ?? SipResponses.DefaultReason(code));
        }
    }

    private void Respond(int code)
    {
        if (!IsPending(_incoming))
        {
            return;
        }
        var response = _incoming!.CreateResponse(code);
        AddSessionHeaders(response);
        if (ReliableProvisionalsRequired)
        {
            MarkReliable(response);
        }
        if (TryRespond(response))
        {
            _dialog ??= Dialog.CreateAsUas(_incoming.Request, _incoming.LocalTag, _localContact, code);
        }
    }

    /// <summary>
    /// What every dialog-creating response of ours carries: the INVITE's Record-Route, copied in order so the
    /// proxies that asked stay on the path (RFC 3261 12.1.1), our Contact, Allow and Supported.
    /// </summary>
    private void AddSessionHeaders(SipMessageBuilder response)
    {
        foreach (var route in _incoming!.Request.GetValues(HeaderId.RecordRoute))
        {
            response.Add(HeaderId.RecordRoute, route);
        }
        response.Add(HeaderId.Contact, _localContact).Add(HeaderId.Allow, CallManager.AllowedMethods).Add(HeaderId.Supported, OptionTags.OurSupported);
    }

    private static bool IsPending(InviteServerTransaction? transaction) =>
        transaction is { IsCancelled: false, State: TransactionState.Trying or TransactionState.Proceeding };

    /// <summary>Sends a response unless the transaction moved on meanwhile (a CANCEL won the race).</summary>
    private bool TryRespond(SipMessageBuilder response)
    {
        try
        {
            _incoming!.Respond(response);
            return true;
        }
        catch (VoipException e) when (e.Code == ErrorCode.InvalidState)
        {
            return false;
        }
    }

    /// <summary>The caller cancelled: the transaction layer answered 487 already.</summary>
    internal void OnCancelled() => Queue.Post(() => MoveTo(CallState.Terminated, 487, "cancelled by the caller"));

    /// <summary>The ACK for our 2xx: it carries the answer when the INVITE had no offer (RFC 3264 delayed offer).</summary>
    internal Task OnAck(SipMessage ack)
    {
        if (!_awaitingAckAnswer || !SdpBody.HasBody(ack))
        {
            return Task.CompletedTask;
        }
        _awaitingAckAnswer = false;
        if (ReadAnswer(ack) is { } negotiated)
        {
            ApplyNegotiation(negotiated);
            return Task.CompletedTask;
        }
        return HangupNowAsync();
    }

    /// <summary>Our 2xx was never acknowledged (64*T1): the session must end with a BYE (RFC 3261 13.3.1.4).</summary>
    private async Task EndAfterLostAckAsync()
    {
        if (IsTerminated)
        {
            return;
        }
        MoveTo(CallState.Terminating);
        await SendByeAsync(null).ConfigureAwait(false);
        MoveTo(CallState.Terminated, 408, "no ACK for our 200 OK");
    }
}
