namespace VoipCore.Media.Rtp;

/// <summary>
/// Wall-clock NTP time read through the monotonic clock: the UTC time is taken once, then advanced by
/// <see cref="TimeProvider.GetTimestamp"/> ticks (Stopwatch ticks by default). A step of the system clock
/// therefore cannot corrupt LSR/DLSR arithmetic, and packet arrival ticks convert to the same NTP scale.
/// </summary>
public sealed class NtpClock
{
    private readonly TimeProvider _time;
    private readonly ulong _anchorNtp;
    private readonly long _anchorTicks;

    /// <summary>A clock anchored now, on <paramref name="time"/> (the system clock when null).</summary>
    public NtpClock(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _anchorTicks = _time.GetTimestamp();
        _anchorNtp = NtpTimestamp.FromDateTime(_time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The NTP timestamp of now.</summary>
    public ulong Now => At(_time.GetTimestamp());

    /// <summary>The NTP timestamp of a reading of the clock's <see cref="TimeProvider.GetTimestamp"/>, e.g. a packet's arrival.</summary>
    public ulong At(long timestamp)
    {
        var frequency = _time.TimestampFrequency;
        var seconds = Math.DivRem(timestamp - _anchorTicks, frequency, out var remainder);
        // Two's-complement wrap makes readings before the anchor come out right too.
        return unchecked(_anchorNtp + (ulong)((seconds << 32) + (remainder << 32) / frequency));
    }
}
