using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class EModelTests
{
    [Fact]
    public void RatesAPerfectG711CallAtTheNarrowbandCeiling()
    {
        Assert.Equal(93.2, EModel.RFactor(0, 0, CodecImpairment.Pcmu), 6);
        Assert.Equal(4.41, EModel.Mos(0, 0, CodecImpairment.Pcmu), 2);
    }

    [Theory]
    [InlineData(50, 2.575)]
    [InlineData(60, 3.1)]
    [InlineData(70, 3.5966)]
    [InlineData(80, 4.0236)]
    [InlineData(90, 4.3392)]
    public void MapsRToMosByTheAnnexBFormula(double r, double mos)
    {
        Assert.Equal(mos, EModel.MosFromR(r), 3);
    }

    [Theory]
    [InlineData(-10, 1)]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(100, 4.5)]
    [InlineData(130, 4.5)]
    public void HoldsMosWithinOneToFourAndAHalf(double r, double mos)
    {
        Assert.Equal(mos, EModel.MosFromR(r), 6);
    }

    [Fact]
    public void ComputesDelayAndLossImpairments()
    {
        Assert.Equal(2.4, EModel.DelayImpairment(100), 6);
        Assert.Equal(0.024 * 200 + 0.11 * 22.7, EModel.DelayImpairment(200), 6);
        Assert.Equal(95.0 / 26.1, EModel.EffectiveEquipmentImpairment(CodecImpairment.Pcmu, 1), 6);
        Assert.Equal(95.0 * 5 / 25, EModel.EffectiveEquipmentImpairment(CodecImpairment.Opus, 5), 6);
    }

    [Fact]
    public void FallsAsLossOrDelayGrows()
    {
        foreach (var codec in new[] { CodecImpairment.Pcmu, CodecImpairment.G722, CodecImpairment.Opus })
        {
            var previous = double.MaxValue;
            for (var loss = 0.0; loss <= 30; loss += 0.5)
            {
                var mos = EModel.Mos(50, loss, codec);
                Assert.True(mos < previous || mos == 1, $"loss {loss}");
                previous = mos;
            }
            previous = double.MaxValue;
            for (var delay = 0.0; delay <= 600; delay += 10)
            {
                var mos = EModel.Mos(delay, 1, codec);
                Assert.True(mos < previous, $"delay {delay}");
                previous = mos;
            }
        }
        Assert.InRange(EModel.Mos(400, 10, CodecImpairment.Pcmu), 1, 2.5);
    }

    [Fact]
    public void AddsHalfTheRoundTripTheBufferAndAFrame()
    {
        Assert.Equal(20 + 60 + 20, EModel.OneWayDelayMs(40, 60, 20));
        Assert.Equal(80, EModel.OneWayDelayMs(null, 60, 20));
    }

    [Theory]
    [InlineData("PCMU", 25.1)]
    [InlineData("pcma", 25.1)]
    [InlineData("G722", 25)]
    [InlineData("OPUS", 20)]
    public void LooksCodecsUpBySdpName(string name, double bpl)
    {
        Assert.True(CodecImpairment.TryGetByName(name, out var codec));
        Assert.Equal(new CodecImpairment(0, bpl), codec);
    }

    [Fact]
    public void DoesNotKnowOtherCodecs()
    {
        Assert.False(CodecImpairment.TryGetByName("G729", out _));
    }
}
