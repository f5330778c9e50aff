using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class RtcpIntervalTests
{
    [Fact]
    public void SendsTheFirstReportEarlyAndRandomizesTheRest()
    {
        var interval = new RtcpInterval(RtcpInterval.DefaultNominal, new Random(1));

        Assert.InRange(interval.Next().TotalSeconds, 1.25, 3.75);
        var next = Enumerable.Range(0, 2000).Select(_ => interval.Next().TotalSeconds).ToList();
        Assert.All(next, s => Assert.InRange(s, 2.5, 7.5));
        Assert.InRange(next.Average(), 4.9, 5.1);
        Assert.True(next.Min() < 2.6 && next.Max() > 7.4);
    }

    [Fact]
    public void RefusesANonPositiveInterval()
    {
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => new RtcpInterval(TimeSpan.Zero, new Random(1))).Code);
    }
}
