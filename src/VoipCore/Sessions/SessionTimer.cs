namespace VoipCore.Sessions;

/// <summary>
/// The schedule of a session timer (RFC 4028 10): the refresher refreshes half-way through the interval; the
/// other side gives the session up when no refresh came by the interval less min(32 s, interval/3).
/// </summary>
public sealed class SessionTimer
{
    /// <summary>The schedule of a session of <paramref name="expires"/>, seen from the side that did or did not send the INVITE.</summary>
    public SessionTimer(SessionExpires expires, bool weSentInvite)
    {
        if (expires.Seconds < SessionExpires.MinimumSeconds)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"a session interval is at least {SessionExpires.MinimumSeconds} s, not {expires.Seconds}");
        }
        Interval = TimeSpan.FromSeconds(expires.Seconds);
        var refresher = expires.Refresher ?? SessionRefresher.Uac;
        WeRefresh = (refresher == SessionRefresher.Uac) == weSentInvite;
    }

    /// <summary>The negotiated session interval.</summary>
    public TimeSpan Interval { get; }

    /// <summary>True when we send the refreshes; false when we only watch for them.</summary>
    public bool WeRefresh { get; }

    /// <summary>When, after the last refresh, the refresher sends the next one.</summary>
    public TimeSpan RefreshAfter => Interval / 2;

    /// <summary>When, after the last refresh, the watching side ends the session.</summary>
    public TimeSpan ExpireAfter => Interval - TimeSpan.FromSeconds(Math.Min(32, Interval.TotalSeconds / 3));

    /// <summary>What our side waits for after a refresh: the next refresh to send, or the deadline to watch.</summary>
    public TimeSpan NextDeadline => WeRefresh ? RefreshAfter : ExpireAfter;
}
