namespace VoipCore.Media.Rtp;

/// <summary>Converts local clock readings (Stopwatch or <see cref="TimeProvider"/> ticks) to RTP clock-rate units.</summary>
public static class RtpClock
{
    /// <summary>
    /// <paramref name="ticks"/> at <paramref name="ticksPerSecond"/> (e.g. <see cref="System.Diagnostics.Stopwatch.Frequency"/>)
    /// expressed in units of <paramref name="clockRate"/> Hz, truncated. Whole seconds and the remainder are
    /// scaled apart so nanosecond ticks times 48 kHz cannot overflow.
    /// </summary>
    public static long ToClockUnits(long ticks, long ticksPerSecond, int clockRate)
    {
        var seconds = Math.DivRem(ticks, ticksPerSecond, out var remainder);
        return seconds * clockRate + remainder * clockRate / ticksPerSecond;
    }
}
