using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class RtpReceiverStatisticsTests
{
    private static RtpReceiverStatistics Receive(IEnumerable<int> sequences, int firstSequence = 1000)
    {
        var statistics = new RtpReceiverStatistics(0xABCD, 8000);
        foreach (var k in sequences)
        {
            statistics.Receive((ushort)(firstSequence + k), (uint)(k * 160), k * 160, 160);
        }
        return statistics;
    }

    [Fact]
    public void ValidatesASourceAfterTwoPacketsInSequence()
    {
        var statistics = new RtpReceiverStatistics(1, 8000);

        Assert.False(statistics.Receive(10, 0, 0, 160));
        Assert.False(statistics.IsValid);
        Assert.True(statistics.Receive(11, 160, 160, 160));
        Assert.True(statistics.IsValid);
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.Equal(1, statistics.Expected);
        Assert.Equal(11u, statistics.ExtendedHighestSequenceNumber);
    }

    [Fact]
    public void ProbationStartsOverOnAnOutOfSequencePacket()
    {
        var statistics = new RtpReceiverStatistics(1, 8000);

        Assert.False(statistics.Receive(10, 0, 0, 160));
        Assert.False(statistics.Receive(50, 0, 0, 160));
        Assert.True(statistics.Receive(51, 0, 0, 160));
        Assert.Equal(51u, statistics.ExtendedHighestSequenceNumber);
    }

    [Fact]
    public void CountsLossAndTheFractionSinceTheLastReport()
    {
        var statistics = Receive(Enumerable.Range(0, 101).Where(k => k % 20 != 10));

        var first = statistics.CreateReportBlock(0, TimeSpan.Zero);
        Assert.Equal(5, statistics.Lost);
        Assert.Equal(100, statistics.Expected);
        Assert.Equal(5, first.CumulativeLost);
        Assert.Equal(5 * 256 / 100, first.FractionLost);
        Assert.Equal(1100u, first.ExtendedHighestSequenceNumber);

        for (var k = 101; k < 151; k++)
        {
            statistics.Receive((ushort)(1000 + k), (uint)(k * 160), k * 160, 160);
        }
        var second = statistics.CreateReportBlock(0, TimeSpan.Zero);
        Assert.Equal(0, second.FractionLost);
        Assert.Equal(5, second.CumulativeLost);
    }

    [Fact]
    public void ExtendsTheSequenceNumberAcrossWrapAround()
    {
        var statistics = Receive(Enumerable.Range(0, 20), firstSequence: 65530);

        Assert.Equal(65536u + 13, statistics.ExtendedHighestSequenceNumber);
        Assert.Equal(19, statistics.Expected);
        Assert.Equal(0, statistics.Lost);
    }

    [Fact]
    public void CountsDuplicatesAsReceivedAndReorderingAsNeither()
    {
        var statistics = Receive([0, 1, 2, 4, 3, 5, 5, 3, 6]);

        Assert.Equal(2, statistics.Duplicates);
        Assert.Equal(6, statistics.Expected);
        // RFC 3550 6.4.1: duplicates count as received, so they make the cumulative loss negative.
        Assert.Equal(-2, statistics.Lost);
        Assert.Equal(-2, statistics.CreateReportBlock(0, TimeSpan.Zero).CumulativeLost);
    }

    [Fact]
    public void RestartsAfterTwoSequentialPacketsBeyondTheDropout()
    {
        var statistics = Receive(Enumerable.Range(0, 10));

        Assert.False(statistics.Receive(30000, 0, 0, 160));
        Assert.Equal(1009u, statistics.ExtendedHighestSequenceNumber);
        Assert.True(statistics.Receive(30001, 160, 160, 160));
        Assert.Equal(30001u, statistics.ExtendedHighestSequenceNumber);
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.Equal(0, statistics.Lost);
    }

    [Fact]
    public void EstimatesInterarrivalJitter()
    {
        var steady = Receive(Enumerable.Range(0, 200));
        Assert.Equal(0u, steady.Jitter);

        // Every other packet 80 units (10 ms) late: each transit differs from the last by 80.
        var statistics = new RtpReceiverStatistics(1, 8000);
        for (var k = 0; k < 400; k++)
        {
            statistics.Receive((ushort)k, (uint)(k * 160), k * 160 + (k % 2) * 80, 160);
        }
        Assert.InRange(statistics.Jitter, 76u, 80u);
        Assert.InRange(statistics.JitterMs, 9.5, 10.0);
        Assert.Equal(statistics.Jitter, statistics.CreateReportBlock(0, TimeSpan.Zero).Jitter);
    }

    [Fact]
    public void SurvivesHostileTimestamps()
    {
        var statistics = new RtpReceiverStatistics(1, 8000);
        statistics.Receive(0, 0, 0, 0);
        statistics.Receive(1, 0x80000000, 0, 0);
        statistics.Receive(2, 0, 0, 0);
        Assert.True(statistics.Jitter > 0);
    }

    [Fact]
    public void FillsLsrAndDlsrOnlyAfterASenderReport()
    {
        var statistics = Receive(Enumerable.Range(0, 10));

        var none = statistics.CreateReportBlock(0, TimeSpan.FromSeconds(3));
        Assert.Equal(0u, none.LastSenderReport);
        Assert.Equal(0u, none.DelaySinceLastSenderReport);
        var block = statistics.CreateReportBlock(0x12345678, TimeSpan.FromSeconds(1.5));
        Assert.Equal(0x12345678u, block.LastSenderReport);
        Assert.Equal(98304u, block.DelaySinceLastSenderReport);
        Assert.Equal(0xABCDu, block.Ssrc);
    }

    [Fact]
    public void ReceivingAllocatesNothing()
    {
        var statistics = new RtpReceiverStatistics(1, 8000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 5000; k++)
        {
            statistics.Receive((ushort)k, (uint)(k * 160), k * 160 + k % 3, 160);
        }
        statistics.CreateReportBlock(1, TimeSpan.FromSeconds(1));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(4999, statistics.PacketsReceived);
        Assert.Equal(4999 * 160, statistics.BytesReceived);
    }
}
