namespace VoipCore.Transactions;

/// <summary>
/// RFC 3261 timer values (section 17, table 4). T1, T2 and T4 are configurable; everything else
/// derives from them exactly as the RFC says, so shrinking T1 in a test scales every timer.
/// </summary>
public sealed record SipTimers(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    public static readonly SipTimers Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>Timers B, F, H, J, L and M: 64*T1, how long a transaction waits before giving up.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D: at least 32 s on unreliable transports, zero on reliable ones.</summary>
    public TimeSpan TimerD(bool reliable) => reliable ? TimeSpan.Zero : Max(TimeSpan.FromSeconds(32), TransactionTimeout);

    /// <summary>Timers I and K: T4 on unreliable transports, zero on reliable ones.</summary>
    public TimeSpan WaitForRetransmissions(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>Timer J: 64*T1 on unreliable transports, zero on reliable ones.</summary>
    public TimeSpan TimerJ(bool reliable) => reliable ? TimeSpan.Zero : TransactionTimeout;

    /// <summary>The next retransmission interval after <paramref name="current"/>: doubling, capped at T2 (timers E and G).</summary>
    public TimeSpan NextInterval(TimeSpan current) => Min(current * 2, T2);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
