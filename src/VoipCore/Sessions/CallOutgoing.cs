using System.Text;
using VoipCore.Dialogs;
using VoipCore.Sdp;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.Transport;
using VoipCore.UserAgent;

namespace VoipCore.Sessions;

/// <summary>The caller's side (RFC 3261 13.2): INVITE with our offer, authentication, provisional and final answers, CANCEL.</summary>
public sealed partial class Call
{
    private const int MaxAuthRounds = 3;

    private string _target = "";
    private TransportAddress _destination;
    private string? _serverName;
    private TransportAddress _localSignalling;
    private OutgoingRequest? _invite;
    private ClientTransaction? _inviteTransaction;
    private DialogSet? _dialogSet;
    private IReadOnlyList<(HeaderId Id, string Value)> _inviteAuth = [];
    private uint _inviteCSeq = 1;
    private int _authRounds;
    private bool _provisionalSeen;
    private bool _cancelWanted;
    private bool _earlyAnswerApplied;
    private byte[]? _ackBytes;
    private IReadOnlyList<(string Name, string Value)> _extraHeaders = [];

    /// <summary>Starts an outgoing call on the queue: resolves the target, opens media, sends the INVITE.</summary>
    internal void Start(string target, IReadOnlyList<(string Name, string Value)> headers)
    {
        _target = target;
        _extraHeaders = headers;
        Queue.Post(async () =>
        {
            try
            {
                var nextHop = Account?.Identity.Settings.Proxy ?? target;
                (_destination, _serverName) = await SipTarget.ResolveAsync(nextHop, Account?.Identity.Transport).ConfigureAwait(false);
                _localSignalling = await _manager.Sip.LocalAddressForAsync(_destination, _serverName).ConfigureAwait(false);
                _media = _manager.Media.Open(Handle, MediaAddress.For(_localSignalling.EndPoint.Address, _destination.EndPoint.Address));
                _localSdp = OfferAnswer.CreateOffer(_capabilities, _media.LocalEndpoint);
                SendInvite();
                MoveTo(CallState.Dialing);
            }
            catch (VoipException e)
            {
                MoveTo(CallState.Terminated, e.Code == ErrorCode.Io ? 503 : 500, e.Message);
            }
        });
    }

    private string FromAddress => Account?.Identity.NameAddr ?? $"<sip:{_manager.AnonymousUser}@{ListenAddress.HostPort(_localSignalling.EndPoint)}>";

    private void SendInvite()
    {
        var headers = new List<(HeaderId, string)>(_inviteAuth) { (HeaderId.Allow, CallManager.AllowedMethods), (HeaderId.Supported, OptionTags.OurSupported) };
        AddSessionTimerRequest(headers);
        var spec = new RequestSpec("INVITE", _target, FromAddress, $"<{_target}>", CallId, _inviteCSeq, LocalTag)
        {
            ContactUser = Account?.Identity.User ?? _manager.AnonymousUser,
            OutboundProxy = Account?.Identity.Settings.Proxy,
            ContentType = SdpBody.ContentType,
            Body = SdpBody.Write(_localSdp!),
            Headers = headers,
            ExtensionHeaders = _extraHeaders,
        };
        _invite = _manager.Sip.Build(spec, _destination, _serverName, _localSignalling);
        _dialogSet = new DialogSet(_invite.Message);
        _manager.Track(this);
        _inviteTransaction = _manager.Sip.Transactions.Send(_invite, new InviteResponses(Queue, OnInviteResponse));
    }

    private async Task OnInviteResponse(ClientTransaction transaction, SipMessage response)
    {
        int status = response.StatusCode;
        if (transaction != _inviteTransaction || IsTerminated)
        {
            // A 2xx from a dialog we are no longer in still needs its ACK, then a BYE (RFC 3261 13.2.2.4).
            if (status is >= 200 and < 300 && _dialogSet != null && transaction == _inviteTransaction)
            {
                await AckAndByeStrayAsync(response).ConfigureAwait(false);
            }
            return;
        }
        if (status < 200)
        {
            await OnProvisionalAsync(response).ConfigureAwait(false);
        }
        else if (status < 300)
        {
            await OnInviteSuccessAsync(response).ConfigureAwait(false);
        }
        else if (status is 401 or 407 && !_cancelWanted && TryAnswerChallenge(response))
        {
            SendInvite();
        }
        else
        {
            _dialogSet?.ProcessResponse(response);
            MoveTo(CallState.Terminated, status, response.GetReasonPhrase());
        }
    }

    private bool TryAnswerChallenge(SipMessage response)
    {
        var credentials = Account?.Credentials;
        if (credentials == null || _authRounds++ >= MaxAuthRounds
            || !credentials.Accept(response, freshChallenge: _inviteAuth.Count == 0, out _))
        {
            return false;
        }
        _inviteCSeq++;
        _inviteAuth = credentials.Authorize("INVITE", _target, SdpBody.Write(_localSdp!));
        return true;
    }

    private async Task OnProvisionalAsync(SipMessage response)
    {
        if (response.StatusCode == 100)
        {
            return;
        }
        _provisionalSeen = true;
        if (_cancelWanted)
        {
            await SendCancelAsync().ConfigureAwait(false);
            return;
        }
        var fork = _dialogSet!.ProcessResponse(response);
        await AcknowledgeReliableAsync(response, fork.Dialog).ConfigureAwait(false);
        if (!_earlyAnswerApplied && SdpBody.HasBody(response) && ReadAnswer(response) is { } early)
        {
            _earlyAnswerApplied = true;
            ApplyNegotiation(early);
        }
        if (State == CallState.Dialing)
        {
            MoveTo(CallState.Ringing, response.StatusCode, response.GetReasonPhrase());
            StartRingTimer();
        }
    }

    private void StartRingTimer()
    {
        int seconds = _manager.Config.RingTimeoutSeconds;
        if (seconds > 0)
        {
            _ringTimer = Schedule(TimeSpan.FromSeconds(seconds),
                () => State is CallState.Dialing or CallState.Ringing ? HangupNowAsync() : Task.CompletedTask);
        }
    }

    /// <summary>The negotiated audio of an answer to our offer, or null (and the reason logged) when it does not fit.</summary>
    private NegotiatedMedia? ReadAnswer(SipMessage message)
    {
        if (!SdpBody.TryRead(message, out var answer, out string error) || answer == null)
        {
            _manager.Log.Warning("call", $"call {CallId}: {(answer == null && error.Length == 0 ? "no SDP answer" : error)}");
            return null;
        }
        var result = OfferAnswer.ProcessAnswer(_localSdp!, answer);
        if (!result.IsAccepted)
        {
            _manager.Log.Warning("call", $"call {CallId}: answer refused: {result.Detail}");
            return null;
        }
        return result.Audio;
    }

    private async Task OnInviteSuccessAsync(SipMessage response)
    {
        var fork = _dialogSet!.ProcessResponse(response);
        switch (fork.Kind)
        {
            case ForkResponseKind.Confirmed:
                _dialog = fork.Dialog!;
                _ackBytes = (await PrepareAckAsync(_dialog, response).ConfigureAwait(false)).Bytes;
                await SendAckAsync().ConfigureAwait(false);
                break;
            case ForkResponseKind.Repeated2xx when fork.Dialog == _dialog:
                await SendAckAsync().ConfigureAwait(false);
                return;
            default:
                // Another fork answered too: acknowledge it and leave it (RFC 3261 13.2.2.4).
                await AckAndByeStrayAsync(response).ConfigureAwait(false);
                return;
        }
        var negotiated = SdpBody.HasBody(response) ? ReadAnswer(response) : null;
        if (_cancelWanted || (negotiated == null && !_earlyAnswerApplied))
        {
            MoveTo(CallState.Terminating);
            await SendByeAsync(_cancelWanted ? null : "488;text=\"Not Acceptable Here\"").ConfigureAwait(false);
            MoveTo(CallState.Terminated, _cancelWanted ? 487 : 488, _cancelWanted ? "cancelled" : "no acceptable SDP answer");
            return;
        }
        ApplyNegotiation(negotiated);
        _ringTimer?.Dispose();
        ReadSessionTimerAnswer(response);
        MoveTo(CallState.Connected, response.StatusCode, response.GetReasonPhrase());
        StartSessionTimer();
    }

    private async Task<OutgoingRequest> PrepareAckAsync(Dialog dialog, SipMessage response)
    {
        var ack = InDialogRequestFactory.CreateAck(dialog, response);
        foreach (var (id, value) in _inviteAuth)
        {
            ack.Add(id, value);
        }
        return await PrepareInDialogAsync(dialog, ack).ConfigureAwait(false);
    }

    private async Task SendAckAsync()
    {
        if (_ackBytes != null && _dialog != null)
        {
            var route = NextHop(_dialog);
            var (destination, _) = await SipTarget.ResolveAsync(route, Account?.Identity.Transport).ConfigureAwait(false);
            await _manager.Sip.Transactions.SendStateless(destination, _ackBytes).ConfigureAwait(false);
        }
    }

    private async Task AckAndByeStrayAsync(SipMessage response)
    {
        if (!DialogId.TryFromIncomingResponse(response, out var id))
        {
            return;
        }
        Dialog? stray = null;
        foreach (var dialog in _dialogSet!.Dialogs)
        {
            if (dialog.Id == id)
            {
                stray = dialog;
            }
        }
        if (stray == null || stray == _dialog)
        {
            return;
        }
        var ack = await PrepareAckAsync(stray, response).ConfigureAwait(false);
        await _manager.Sip.Transactions.SendStateless(ack.Destination, ack.Bytes).ConfigureAwait(false);
        if (stray.State != DialogState.Terminated)
        {
            var bye = await PrepareInDialogAsync(stray, InDialogRequestFactory.Create(stray, SipMethod.Bye)).ConfigureAwait(false);
            stray.Terminate();
            _ = _manager.Sip.Transactions.SendAsync(bye);
        }
    }

    /// <summary>
    /// CANCEL for our INVITE (RFC 3261 9.1): same Request-URI, Call-ID, From, To, CSeq number, Route and top Via
    /// (so the same branch). Sent only once a provisional response arrived; until then it is remembered.
    /// </summary>
    private async Task SendCancelAsync()
    {
        _cancelWanted = true;
        if (!_provisionalSeen || _invite == null)
        {
            return;
        }
        var invite = _invite.Message;
        var cancel = SipMessageBuilder.Request(SipMethod.Cancel, SipText.Decode(invite.RequestUriText.Span));
        invite.TryGetFirstValue(HeaderId.Via, out ReadOnlyMemory<byte> via);
        cancel.Add(HeaderId.Via, via);
        foreach (var id in (ReadOnlySpan<HeaderId>)[HeaderId.Route, HeaderId.MaxForwards, HeaderId.From, HeaderId.To, HeaderId.CallId])
        {
            foreach (var value in invite.GetValues(id))
            {
                cancel.Add(id, value);
            }
        }
        cancel.Add(HeaderId.CSeq, $"{_inviteCSeq} CANCEL").Add(HeaderId.UserAgent, _manager.Sip.UserAgentName);
        var request = new OutgoingRequest(cancel.ToArray(), _invite.Destination, _invite.Branch, _invite.ServerName);
        // The INVITE ends with 487 (or a 2xx that we then end with BYE); if it never answers, give up after 64*T1.
        _guardTimer = Schedule(_manager.Sip.Transactions.Timers.TransactionTimeout, () => MoveTo(CallState.Terminated, 487, "cancelled (no answer to CANCEL)"));
        await _manager.Sip.Transactions.SendAsync(request).ConfigureAwait(false);
    }

    private static string NextHop(Dialog dialog)
    {
        var route = dialog.RouteSet.Resolve(dialog.RemoteTarget);
        if (route.Route.Count == 0)
        {
            return route.RequestUri;
        }
        string first = route.Route[0];
        int open = first.IndexOf('<');
        int close = first.IndexOf('>');
        return open >= 0 && close > open ? first[(open + 1)..close] : first;
    }

    private Task<OutgoingRequest> PrepareInDialogAsync(Dialog dialog, SipMessageBuilder request) =>
        _manager.Sip.PrepareAsync(request, NextHop(dialog), Account?.Identity.Transport);
}
