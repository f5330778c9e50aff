namespace VoipCore.Media.Rtp;

/// <summary>
/// 64-bit NTP timestamps as RTCP uses them (RFC 3550 section 4): seconds since 1900-01-01 UTC in the high 32 bits,
/// the binary fraction in the low 32; and the "compact" 16.16 form of LSR/DLSR (units of 1/65536 s).
/// </summary>
public static class NtpTimestamp
{
    private static readonly DateTime Era0 = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // RFC 4330 section 3: seconds with the top bit clear belong to era 1 (from 2036-02-07), which keeps
    // 1968-2104 unambiguous.
    private static readonly DateTime Era1 = Era0.AddSeconds(1L << 32);

    /// <summary>The NTP timestamp of <paramref name="utc"/> (seconds wrap into era 1 after 2036).</summary>
    public static ulong FromDateTime(DateTime utc)
    {
        var ticks = (utc.ToUniversalTime() - Era0).Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        var fraction = (ulong)(remainder << 32) / TimeSpan.TicksPerSecond;
        return ((ulong)(uint)seconds << 32) | fraction;
    }

    /// <summary>The UTC time of an NTP timestamp, placed in the era that puts it in 1968-2104.</summary>
    public static DateTime ToDateTime(ulong ntp)
    {
        var seconds = (uint)(ntp >> 32);
        var fractionTicks = (long)(((ntp & uint.MaxValue) * TimeSpan.TicksPerSecond) >> 32);
        var era = (seconds & 0x80000000) != 0 ? Era0 : Era1;
        return era.AddTicks(seconds * TimeSpan.TicksPerSecond + fractionTicks);
    }

    /// <summary>The middle 32 bits (16.16 seconds), which an RR echoes as LSR and RTT arithmetic works in.</summary>
    public static uint Middle32(ulong ntp) => (uint)(ntp >> 16);

    /// <summary>
    /// <paramref name="duration"/> in units of 1/65536 s, as DLSR carries it; negative durations give 0 and
    /// those of 65536 s or more saturate.
    /// </summary>
    public static uint ToCompact(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }
        if (duration.Ticks >= 65536 * TimeSpan.TicksPerSecond)
        {
            return uint.MaxValue;
        }
        return (uint)((duration.Ticks << 16) / TimeSpan.TicksPerSecond);
    }

    /// <summary>A compact 16.16 duration as a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan FromCompact(uint compact) => TimeSpan.FromTicks((compact * TimeSpan.TicksPerSecond) >> 16);
}
