namespace VoipCore.Media.Rtp;

/// <summary>
/// When to send the next RTCP report (RFC 3550 section 6.3, simplified for a two-party call): a nominal 5 s
/// (the section's minimum, which dominates for one voice stream at the default 5% RTCP bandwidth), half of it
/// before the first report, each interval randomized to 0.5-1.5 times so peers do not synchronize. Timer
/// reconsideration, and with it the e - 3/2 compensation factor, is left out: it matters only for large groups.
/// </summary>
public sealed class RtcpInterval
{
    /// <summary>The nominal interval between reports.</summary>
    public static readonly TimeSpan DefaultNominal = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _nominal;
    private readonly Random _random;
    private bool _sentFirst;

    /// <summary>Intervals around <see cref="DefaultNominal"/>, drawn from <see cref="Random.Shared"/>.</summary>
    public RtcpInterval()
        : this(DefaultNominal, Random.Shared)
    {
    }

    /// <summary>Intervals around <paramref name="nominal"/>, drawn from <paramref name="random"/> (seed it for tests).</summary>
    public RtcpInterval(TimeSpan nominal, Random random)
    {
        if (nominal <= TimeSpan.Zero)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "RTCP interval must be positive");
        }
        _nominal = nominal;
        _random = random;
    }

    /// <summary>The wait before the next report: the first call gives about half the nominal interval.</summary>
    public TimeSpan Next()
    {
        var nominal = _sentFirst ? _nominal : _nominal / 2;
        _sentFirst = true;
        return nominal * (0.5 + _random.NextDouble());
    }
}
