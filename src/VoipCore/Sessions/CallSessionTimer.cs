using VoipCore.Dialogs;
using VoipCore.Sdp;
using VoipCore.Sip;

namespace VoipCore.Sessions;

/// <summary>
/// Session timers (RFC 4028): the interval and refresher agreed in the INVITE and its 2xx; the refresher sends an
/// UPDATE (a re-INVITE when the peer does not allow UPDATE) half-way through, the other side ends the call with
/// a BYE when no refresh came in time.
/// </summary>
public sealed partial class Call
{
    private SessionExpires? _sessionExpires;
    private SessionTimer? _sessionTimer;
    private ITimer? _sessionTimerDeadline;
    private bool _peerAllowsUpdate;

    /// <summary>What our INVITE asks for: the configured interval, or nothing when session timers are off.</summary>
    private void AddSessionTimerRequest(List<(HeaderId, string)> headers)
    {
        int seconds = _manager.Config.SessionExpiresSeconds;
        if (seconds > 0)
        {
            headers.Add((HeaderId.SessionExpires, new SessionExpires(seconds, null).ToString()));
        }
    }

    /// <summary>
    /// Our 200 to an INVITE that asked for a session timer: the interval echoed with the refresher (the caller when
    /// it did not choose and supports timers, else us), and Require: timer when the caller supports them.
    /// </summary>
    private void AddSessionTimerHeaders(SipMessageBuilder response)
    {
        var invite = _incoming!.Request;
        _peerAllowsUpdate = OptionTags.Lists(invite, HeaderId.Allow, "UPDATE");
        if (!TryReadSessionExpires(invite, out var asked))
        {
            return;
        }
        bool callerSupports = OptionTags.Lists(invite, HeaderId.Supported, OptionTags.Timer) || OptionTags.Lists(invite, HeaderId.Require, OptionTags.Timer);
        var agreed = asked with { Refresher = callerSupports ? asked.Refresher ?? SessionRefresher.Uac : SessionRefresher.Uas };
        response.Add(HeaderId.SessionExpires, agreed.ToString());
        if (callerSupports)
        {
            response.Add(HeaderId.Require, OptionTags.Timer);
        }
        _sessionExpires = agreed;
    }

    /// <summary>The 2xx to our INVITE: the interval and refresher the callee agreed to, if any.</summary>
    private void ReadSessionTimerAnswer(SipMessage response)
    {
        _peerAllowsUpdate = OptionTags.Lists(response, HeaderId.Allow, "UPDATE");
        if (TryReadSessionExpires(response, out var agreed))
        {
            _sessionExpires = agreed;
        }
    }

    /// <summary>The Session-Expires of a message when present, well-formed and at least the minimum.</summary>
    internal static bool TryReadSessionExpires(SipMessage message, out SessionExpires expires)
    {
        expires = default;
        return message.TryGetFirst(HeaderId.SessionExpires, out var value)
            && SessionExpires.TryParse(SipText.Decode(value.Span), out expires)
            && expires.Seconds >= SessionExpires.MinimumSeconds;
    }

    /// <summary>Starts the agreed timer once the call is connected (nothing when none was agreed).</summary>
    private void StartSessionTimer()
    {
        if (_sessionExpires is { } agreed)
        {
            _sessionTimer = new SessionTimer(agreed, Direction == CallDirection.Outgoing);
            RestartSessionTimer();
        }
    }

    /// <summary>A refresh happened (ours answered 2xx, or the peer's re-INVITE/UPDATE arrived): the schedule starts over.</summary>
    private void RestartSessionTimer()
    {
        if (_sessionTimer == null || IsTerminated)
        {
            return;
        }
        _sessionTimerDeadline?.Dispose();
        _sessionTimerDeadline = Schedule(_sessionTimer.NextDeadline, OnSessionTimerDeadline);
    }

    private Task OnSessionTimerDeadline()
    {
        if (_sessionTimer == null || _dialog == null || State is not (CallState.Connected or CallState.OnHold))
        {
            return Task.CompletedTask;
        }
        return _sessionTimer.WeRefresh ? SendSessionRefreshAsync() : ExpireSessionAsync();
    }

    private async Task ExpireSessionAsync()
    {
        MoveTo(CallState.Terminating);
        await SendByeAsync(null).ConfigureAwait(false);
        MoveTo(CallState.Terminated, 408, "session timer expired");
    }

    /// <summary>An UPDATE without body when the peer allows it (no new offer/answer needed), else a re-INVITE with our current session.</summary>
    private async Task SendSessionRefreshAsync()
    {
        if (!_peerAllowsUpdate)
        {
            await SendReInviteAsync(State == CallState.OnHold ? MediaDirection.SendOnly : MediaDirection.SendRecv).ConfigureAwait(false);
            return;
        }
        var update = InDialogRequestFactory.Create(_dialog!, SipMethod.Update);
        update.Add(HeaderId.SessionExpires, _sessionExpires!.Value.ToString()).Add(HeaderId.Supported, OptionTags.OurSupported);
        var request = await PrepareInDialogAsync(_dialog!, update).ConfigureAwait(false);
        var answer = _manager.Sip.Transactions.SendAsync(request);
        _ = answer.ContinueWith(t => Queue.Post(() => OnRefreshAnswered(t.IsCompletedSuccessfully ? t.Result.StatusCode : 408)),
            TaskScheduler.Default);
    }

    private void OnRefreshAnswered(int status)
    {
        if (status is >= 200 and < 300)
        {
            RestartSessionTimer();
        }
        else if (status is 408 or 481)
        {
            MoveTo(CallState.Terminated, status, "session refresh failed");
        }
        else
        {
            // RFC 4028 10: a refused refresh leaves the session as it is; try again at the next deadline.
            RestartSessionTimer();
        }
    }
}
