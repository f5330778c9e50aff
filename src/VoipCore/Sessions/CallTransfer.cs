using System.Text;
using VoipCore.Dialogs;
using VoipCore.Events;
using VoipCore.Sip;
using VoipCore.Transactions;

namespace VoipCore.Sessions;

/// <summary>
/// Call transfer (RFC 3515, RFC 5589). As transferor: REFER the peer elsewhere (blind) or onto another of our
/// calls (attended, with Replaces), follow its NOTIFY progress, and leave with BYE once it succeeded. As
/// transferee: an incoming REFER starts the new call and reports its progress back in NOTIFYs.
/// </summary>
public sealed partial class Call
{
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromSeconds(60);

    private CallState _stateBeforeTransfer;
    private ITimer? _transferTimer;

    /// <summary>Set on a call started by an incoming REFER: told of its progress (status code, reason) for the NOTIFYs.</summary>
    internal Action<int, string>? ReferObserver { get; set; }

    /// <summary>The peer's tag in our dialog (Replaces matching), or null before there is a dialog.</summary>
    internal string? RemoteTag => _dialog?.Id.RemoteTag;

    /// <summary>Blind transfer: asks the peer to call <paramref name="target"/>; we hang up once that call is answered.</summary>
    public void Transfer(string target)
    {
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(target), out var uri) || !uri.IsSip)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"transfer target '{target}' is not a sip: or sips: URI");
        }
        Enqueue(CallOperation.Transfer, () => SendReferAsync($"<{target}>"));
    }

    /// <summary>Attended transfer: asks the peer to take over <paramref name="consultation"/> (INVITE with Replaces to its far end).</summary>
    public void TransferTo(Call consultation)
    {
        if (consultation == this)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "a call cannot be transferred onto itself");
        }
        if (consultation.State is not (CallState.Connected or CallState.OnHold) || consultation._dialog is not { } dialog)
        {
            throw new VoipException(ErrorCode.InvalidState, $"the consultation call must be connected or on hold, not {consultation.State}");
        }
        // The far end of the consultation matches Replaces against its own tags: its local tag is our remote one.
        var replaces = new ReplacesHeader(dialog.Id.CallId, dialog.Id.RemoteTag, dialog.Id.LocalTag, EarlyOnly: false);
        string target = dialog.RemoteTarget;
        Enqueue(CallOperation.Transfer, () => SendReferAsync($"<{target}{replaces.AsUriHeader()}>"));
    }

    private async Task SendReferAsync(string referTo)
    {
        _stateBeforeTransfer = State;
        MoveTo(CallState.Transferring, 0, "transfer requested");
        var refer = InDialogRequestFactory.Create(_dialog!, SipMethod.Refer)
            .Add(HeaderId.ReferTo, referTo)
            .Add(HeaderId.ReferredBy, _dialog!.LocalAddress);
        var request = await PrepareInDialogAsync(_dialog, refer).ConfigureAwait(false);
        var response = await _manager.Sip.Transactions.SendAsync(request).ConfigureAwait(false);
        Queue.Post(() => OnReferAnswered(response.StatusCode, response.GetReasonPhrase()));
    }

    private void OnReferAnswered(int code, string reason)
    {
        if (State != CallState.Transferring)
        {
            return;
        }
        PostTransfer("transferor", code, reason, 0);
        if (code >= 300)
        {
            MoveTo(_stateBeforeTransfer, code, $"transfer refused: {code} {reason}");
            return;
        }
        _transferTimer = Schedule(TransferTimeout, () =>
        {
            if (State == CallState.Transferring)
            {
                MoveTo(_stateBeforeTransfer, 408, "transfer: no final progress report in time");
            }
        });
    }

    /// <summary>A NOTIFY for our REFER: its sipfrag says how the transfer goes; a 2xx ends our call.</summary>
    private async Task OnNotifyAsync(ServerTransaction transaction)
    {
        var request = transaction.Request;
        string eventPackage = request.TryGetFirst(HeaderId.Event, out var value) ? SipText.Decode(value.Span).Trim() : "";
        if (!eventPackage.StartsWith("refer", StringComparison.OrdinalIgnoreCase))
        {
            transaction.Respond(489, "Bad Event");
            return;
        }
        transaction.Respond(200);
        if (State != CallState.Transferring || !SipFrag.TryParse(Encoding.UTF8.GetString(request.Body.Span), out int code, out string reason))
        {
            return;
        }
        PostTransfer("transferor", code, reason, 0);
        if (code < 200)
        {
            return;
        }
        _transferTimer?.Dispose();
        if (code >= 300)
        {
            MoveTo(_stateBeforeTransfer, code, $"transfer failed: {code} {reason}");
            return;
        }
        MoveTo(CallState.Terminating, code, "transferred");
        await SendByeAsync(null).ConfigureAwait(false);
        MoveTo(CallState.Terminated, code, "transferred");
    }

    /// <summary>The peer asks us to call someone (RFC 3515): accept, start that call, report its progress in NOTIFYs.</summary>
    private async Task OnReferAsync(ServerTransaction transaction)
    {
        var request = transaction.Request;
        string? referTo = request.TryGetFirst(HeaderId.ReferTo, out var value) ? SipText.Decode(value.Span).Trim() : null;
        int open = referTo?.IndexOf('<') ?? -1;
        int close = referTo?.IndexOf('>') ?? -1;
        string raw = referTo is null ? "" : open >= 0 && close > open ? referTo[(open + 1)..close] : referTo.Split(';')[0];
        var (target, replaces) = ReplacesHeader.FromReferTarget(raw);
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(target), out var uri) || !uri.IsSip || uri.HostKind == HostKind.None)
        {
            transaction.Respond(400, "Bad Refer-To");
            return;
        }
        transaction.Respond(202, "Accepted");
        var headers = new Dictionary<string, string>();
        if (replaces != null)
        {
            headers["Replaces"] = replaces.ToString();
        }
        if (request.TryGetFirst(HeaderId.ReferredBy, out var referredBy))
        {
            headers["Referred-By"] = SipText.Decode(referredBy.Span);
        }
        await NotifyReferProgressAsync(100, "Trying").ConfigureAwait(false);
        Call next;
        try
        {
            next = _manager.MakeCall(Account, target, null, headers);
        }
        catch (VoipException e)
        {
            await NotifyReferProgressAsync(503, "Service Unavailable").ConfigureAwait(false);
            _manager.Log.Warning("call", $"call {CallId}: the transfer to {target} could not start: {e.Message}");
            return;
        }
        next.ReferObserver = (code, reason) => Queue.Post(() => NotifyReferProgressAsync(code, reason));
        PostTransfer("transferee", 0, target, next.Handle);
    }

    private async Task NotifyReferProgressAsync(int code, string reason)
    {
        if (_dialog is not { State: DialogState.Confirmed } dialog)
        {
            return;
        }
        var notify = InDialogRequestFactory.Create(dialog, SipMethod.Notify)
            .Add(HeaderId.Event, "refer")
            .Add(HeaderId.SubscriptionState, code >= 200 ? "terminated;reason=noresource" : "active;expires=60");
        notify.SetBody(SipFrag.ContentType, Encoding.ASCII.GetBytes(SipFrag.Of(code, reason)));
        var request = await PrepareInDialogAsync(dialog, notify).ConfigureAwait(false);
        await _manager.Sip.Transactions.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Tells a REFER's originator how the call it asked for goes: ringing, answered, or how it failed.</summary>
    private void ReportToReferrer(CallState next, int code, string reason)
    {
        if (ReferObserver is not { } observer)
        {
            return;
        }
        switch (next)
        {
            case CallState.Ringing:
                observer(code is > 100 and < 200 ? code : 180, code is > 100 and < 200 ? reason : "Ringing");
                break;
            case CallState.Connected:
                ReferObserver = null;
                observer(200, "OK");
                break;
            case CallState.Terminated:
                ReferObserver = null;
                observer(code >= 300 ? code : 487, code >= 300 ? reason : "Request Terminated");
                break;
        }
    }

    /// <summary>This call was taken over by an INVITE with Replaces: leave with BYE.</summary>
    internal void EndReplaced() => Queue.Post(async () =>
    {
        if (State is not (CallState.Connected or CallState.OnHold or CallState.Transferring))
        {
            return;
        }
        MoveTo(CallState.Terminating);
        await SendByeAsync(null).ConfigureAwait(false);
        MoveTo(CallState.Terminated, 0, "replaced by another call");
    });

    private void PostTransfer(string role, int code, string reason, ulong newCall) =>
        _manager.Post(new EngineEvent(EventType.CallTransfer, Handle, newCall, code, 0,
            EventJson.Of(new TransferDetail(role, code, reason, newCall == 0 ? null : newCall.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
}
