using VoipCore.Media.Rtp;
using VoipCore.Tests.Support;

namespace VoipCore.Tests.Media.Rtp;

public class NtpTimestampTests
{
    [Fact]
    public void ConvertsKnownInstants()
    {
        Assert.Equal(0ul, NtpTimestamp.FromDateTime(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        // 2000-01-01 is 3155673600 s after the NTP epoch; half a second is a fraction of 2^31.
        Assert.Equal((3155673600ul << 32) | 0x80000000, NtpTimestamp.FromDateTime(new DateTime(2000, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc)));
        // 2036-02-07 06:28:16 UTC starts era 1: the seconds field wraps to 0.
        Assert.Equal(0ul, NtpTimestamp.FromDateTime(new DateTime(2036, 2, 7, 6, 28, 16, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(1970)]
    [InlineData(2025)]
    [InlineData(2040)]
    [InlineData(2100)]
    public void RoundTripsThroughDateTimeInEitherEra(int year)
    {
        var time = new DateTime(year, 6, 15, 12, 34, 56, DateTimeKind.Utc).AddTicks(1234567);
        var back = NtpTimestamp.ToDateTime(NtpTimestamp.FromDateTime(time));
        Assert.InRange((back - time).Ticks, -1, 1);
    }

    [Fact]
    public void TakesTheMiddleThirtyTwoBitsAndCompactDurations()
    {
        Assert.Equal(0x56789ABCu, NtpTimestamp.Middle32(0x12345678_9ABCDEF0));
        Assert.Equal(98304u, NtpTimestamp.ToCompact(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(0u, NtpTimestamp.ToCompact(TimeSpan.FromSeconds(-1)));
        Assert.Equal(uint.MaxValue, NtpTimestamp.ToCompact(TimeSpan.FromDays(2)));
        Assert.Equal(TimeSpan.FromSeconds(5.25), NtpTimestamp.FromCompact(0x00054000));
    }

    [Fact]
    public void ClockAdvancesWithTheMonotonicClock()
    {
        var time = new ManualTimeProvider();
        var clock = new NtpClock(time);
        var start = clock.Now;
        Assert.Equal(NtpTimestamp.FromDateTime(time.GetUtcNow().UtcDateTime), start);

        var earlier = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(start + (3ul << 31), clock.Now);
        Assert.Equal(start, clock.At(earlier));
        Assert.Equal(start - (1ul << 32), clock.At(earlier - TimeSpan.TicksPerSecond));
    }
}
