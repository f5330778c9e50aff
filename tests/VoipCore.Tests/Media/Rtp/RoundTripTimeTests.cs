using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class RoundTripTimeTests
{
    private static RtcpReportBlock Block(uint lsr, uint dlsr) => new(1, 0, 0, 0, 0, lsr, dlsr);

    [Fact]
    public void ComputesTheExampleOfRfc3550Figure2()
    {
        // A = 46864.500 s, LSR = 46853.125 s, DLSR = 5.250 s: RTT = 6.125 s.
        Assert.True(RoundTripTime.TryCompute(0xB7108000, Block(0xB7052000, 0x00054000), out var rtt));
        Assert.Equal(TimeSpan.FromSeconds(6.125), rtt);
    }

    [Fact]
    public void IgnoresBlocksWithoutAnEchoedSenderReport()
    {
        Assert.False(RoundTripTime.TryCompute(0xB7108000, Block(0, 0), out _));
    }

    [Fact]
    public void ComputesAcrossTheWrapOfTheMiddleBits()
    {
        Assert.True(RoundTripTime.TryCompute(0x00000100, Block(0xFFFFFF00, 0x00000100), out var rtt));
        Assert.Equal(NtpTimestamp.FromCompact(0x100), rtt);
    }

    [Fact]
    public void TreatsRoundingBelowZeroAsZeroButRejectsInconsistentBlocks()
    {
        Assert.True(RoundTripTime.TryCompute(0x10000000, Block(0x0FFFFFF0, 0x20), out var rtt));
        Assert.Equal(TimeSpan.Zero, rtt);
        Assert.False(RoundTripTime.TryCompute(0x10000000, Block(0x0FFFFFF0, 0x10000), out _));
    }
}
