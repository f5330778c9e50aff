using System.Collections.Concurrent;
using System.Text;
using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Logging;
using VoipCore.Registration;
using VoipCore.Sdp;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.UserAgent;

namespace VoipCore.Sessions;

/// <summary>
/// The calls of one engine: makes outgoing calls, turns incoming INVITEs into calls offered to the host, and
/// routes in-dialog requests, CANCELs and ACKs to their call by Call-ID and our tag.
/// </summary>
public sealed class CallManager : IRequestHandler
{
    /// <summary>The methods our calls handle, for Allow headers.</summary>
    public const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, MESSAGE, REFER, NOTIFY, PRACK, UPDATE";

    private readonly ConcurrentDictionary<(string CallId, string LocalTag), Call> _calls = new();
    private readonly ConcurrentDictionary<InviteServerTransaction, Call> _pendingInvites = new();
    private readonly EventDispatcher _events;
    private readonly Func<SipMessage, Account?> _accountFor;

    public CallManager(SipStack sip, EventDispatcher events, Logger log, ICallMediaFactory media, CallsConfig config, TimeProvider time,
        Func<SipMessage, Account?> accountFor)
    {
        Sip = sip;
        _events = events;
        Log = log;
        Media = media;
        Config = config;
        Time = time;
        _accountFor = accountFor;
        foreach (var method in (ReadOnlySpan<SipMethod>)[SipMethod.Invite, SipMethod.Bye, SipMethod.Info, SipMethod.Refer, SipMethod.Notify, SipMethod.Prack, SipMethod.Update])
        {
            sip.Handle(method, this);
        }
        sip.InviteCancelled = OnCancelled;
        sip.AckReceived = OnAck;
    }

    internal SipStack Sip { get; }
    internal Logger Log { get; }
    internal ICallMediaFactory Media { get; }
    internal CallsConfig Config { get; }
    internal TimeProvider Time { get; }

    /// <summary>The user part of From and Contact for calls made without an account.</summary>
    internal string AnonymousUser => "voipcore";

    public int Count => _calls.Count;

    /// <summary>Places a call to <paramref name="target"/> (a sip: or sips: URI), from <paramref name="account"/> when given.</summary>
    public Call MakeCall(Account? account, string target, IReadOnlyList<string>? codecs = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var extensions = new List<(string, string)>();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || "-.!%*_+`'~".Contains(c)) || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"header '{name}' is not a valid SIP header name and single-line value");
            }
            extensions.Add((name, value));
        }
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(target), out var uri) || !uri.IsSip || uri.HostKind == HostKind.None)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"call target '{target}' is not a sip: or sips: URI with a host");
        }
        var call = new Call(this, CallDirection.Outgoing, account, BranchIds.NewCallId(), BranchIds.NewTag(), Media.Capabilities(codecs));
        call.Start(target, extensions);
        return call;
    }

    /// <summary>Makes the call findable by in-dialog requests (once its Call-ID and tag are final).</summary>
    internal void Track(Call call) => _calls[(call.CallId, call.LocalTag)] = call;

    internal void Forget(Call call)
    {
        _calls.TryRemove(new KeyValuePair<(string, string), Call>((call.CallId, call.LocalTag), call));
        foreach (var (transaction, pending) in _pendingInvites)
        {
            if (pending == call)
            {
                _pendingInvites.TryRemove(transaction, out _);
            }
        }
    }

    internal void Post(EngineEvent engineEvent)
    {
        try
        {
            _events.Post(engineEvent);
        }
        catch (VoipException)
        {
            // The engine is stopping: nobody listens any more.
        }
    }

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!request.ToTag.IsEmpty)
        {
            var key = (SipText.Decode(request.CallId.Span), SipText.Decode(request.ToTag.Span));
            if (_calls.TryGetValue(key, out var call))
            {
                call.OnInDialogRequest(transaction);
            }
            else
            {
                transaction.Respond(481, "Call/Transaction Does Not Exist");
            }
            return;
        }
        if (request.Method != SipMethod.Invite)
        {
            transaction.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }
        OnNewInvite((InviteServerTransaction)transaction);
    }

    private void OnNewInvite(InviteServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!SdpBody.TryRead(request, out var offer, out string error))
        {
            transaction.Respond(488, "Not Acceptable Here");
            Log.Info("call", $"INVITE {SipText.Decode(request.CallId.Span)} refused (488): {error}");
            return;
        }
        if (request.TryGetFirst(HeaderId.SessionExpires, out var expiresValue)
            && (!SessionExpires.TryParse(SipText.Decode(expiresValue.Span), out var expires) || expires.Seconds < SessionExpires.MinimumSeconds))
        {
            // RFC 4028 8.1: too short an interval is refused with the minimum we take.
            var tooBrief = transaction.CreateResponse(422, "Session Interval Too Small");
            tooBrief.Add(HeaderId.MinSE, SessionExpires.MinimumSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            transaction.Respond(tooBrief);
            return;
        }
        Call? replaced = null;
        if (request.TryGetFirst(HeaderId.Replaces, out var replacesValue))
        {
            replaced = FindReplaced(ReplacesHeader.Parse(SipText.Decode(replacesValue.Span)));
            if (replaced == null)
            {
                transaction.Respond(481, "Call/Transaction Does Not Exist");
                return;
            }
        }
        var account = _accountFor(request);
        var capabilities = Media.Capabilities(null);
        var local = transaction.Source.Local;
        var call = new Call(this, CallDirection.Incoming, account, SipText.Decode(request.CallId.Span), transaction.LocalTag, capabilities);
        ICallMedia media;
        try
        {
            media = Media.Open(call.Handle, MediaAddress.For(local.EndPoint.Address, transaction.Source.Remote.EndPoint.Address));
        }
        catch (VoipException e)
        {
            call.Discard();
            transaction.Respond(503, "Service Unavailable");
            Log.Warning("call", $"incoming call refused (503): {e.Message}");
            return;
        }
        AnswerResult? answer = null;
        if (offer != null)
        {
            answer = OfferAnswer.CreateAnswer(offer, capabilities, media.LocalEndpoint);
            if (!answer.Negotiation.IsAccepted)
            {
                media.Dispose();
                call.Discard();
                var refusal = transaction.CreateResponse(488, "Not Acceptable Here");
                refusal.Add(HeaderId.Warning, $"304 {ListenAddress.HostPort(local.EndPoint)} \"{answer.Negotiation.Detail}\"");
                transaction.Respond(refusal);
                return;
            }
        }
        Track(call);
        _pendingInvites[transaction] = call;
        string contact = $"<{SipStack.ContactUri(account?.Identity.User ?? AnonymousUser, local)}>";
        var detail = new CallIncomingDetail(
            request.TryGetFirst(HeaderId.From, out var from) ? SipText.Decode(from.Span) : "",
            request.TryGetFirst(HeaderId.To, out var to) ? SipText.Decode(to.Span) : "",
            call.CallId, transaction.Source.Remote.ToString(), answer?.Negotiation.Audio?.EncodingName, replaced?.Handle.ToString(System.Globalization.CultureInfo.InvariantCulture));
        call.Queue.Post(() => call.Offer(transaction, media, answer, contact,
            () => Post(new EngineEvent(EventType.CallIncoming, call.Handle, account?.Handle ?? 0, DetailJson: EventJson.Of(detail)))));
        if (replaced != null)
        {
            // RFC 3891 3: a confirmed dialog's replacement is accepted without asking anyone; the old call leaves.
            call.Queue.Post(call.Answer);
            replaced.EndReplaced();
        }
    }

    /// <summary>The connected call a Replaces header names (Call-ID, our tag, the peer's tag), or null.</summary>
    private Call? FindReplaced(ReplacesHeader? replaces)
    {
        if (replaces == null || !_calls.TryGetValue((replaces.CallId, replaces.ToTag), out var call) || call.RemoteTag != replaces.FromTag)
        {
            return null;
        }
        return call.State is CallState.Connected or CallState.OnHold or CallState.Transferring && !replaces.EarlyOnly ? call : null;
    }

    private void OnCancelled(InviteServerTransaction transaction)
    {
        if (_pendingInvites.TryRemove(transaction, out var call))
        {
            call.OnCancelled();
        }
    }

    private void OnAck(SipMessage ack)
    {
        if (_calls.TryGetValue((SipText.Decode(ack.CallId.Span), SipText.Decode(ack.ToTag.Span)), out var call))
        {
            call.Queue.Post(() => call.OnAck(ack));
        }
    }

    /// <summary>Ends every call (the engine is stopping): BYE or CANCEL where it can, waiting at most <paramref name="grace"/>.</summary>
    public void HangupAll(TimeSpan grace)
    {
        var calls = _calls.Values.ToArray();
        foreach (var call in calls)
        {
            try
            {
                call.Hangup();
            }
            catch (VoipException)
            {
                // Already ending.
            }
        }
        var deadline = DateTime.UtcNow + grace;
        while (_calls.Count > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }
        foreach (var call in _calls.Values.ToArray())
        {
            call.Abort(0, "engine stopped");
        }
    }
}
