using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class RtpSenderTests
{
    private static (ushort Sequence, uint Timestamp, bool Marker) Send(RtpSender sender, uint advance, bool marker = false, int payload = 160)
    {
        var header = new byte[12];
        sender.NextHeader(header, 0, marker, payload, advance);
        Assert.True(RtpPacket.TryParse(header, out var packet));
        Assert.Equal(sender.Ssrc, packet.Ssrc);
        return (packet.SequenceNumber, packet.Timestamp, packet.Marker);
    }

    [Fact]
    public void AdvancesSequenceAndTimestampPerFrameAcrossWrapAround()
    {
        var sender = new RtpSender(ssrc: 5, initialSequenceNumber: 65534, initialTimestamp: uint.MaxValue - 159);

        Assert.Equal((65534, uint.MaxValue - 159, true), Send(sender, 160, marker: true));
        Assert.Equal((65535, 0u, false), Send(sender, 160));
        Assert.Equal((0, 160u, false), Send(sender, 160));
        Assert.Equal(1, sender.SequenceNumber);
        Assert.Equal(320u, sender.Timestamp);
    }

    [Fact]
    public void JumpsTheTimestampOverFramesNotSent()
    {
        var sender = new RtpSender(1, 100, 1000);
        Send(sender, 160);
        sender.AdvanceTimestamp(5 * 160);   // five DTX frames

        Assert.Equal((101, 1960u, true), Send(sender, 160, marker: true));
    }

    [Fact]
    public void KeepsATelephoneEventAtItsStartTimestamp()
    {
        var sender = new RtpSender(1, 7, 8000);
        Send(sender, 160);
        var eventPackets = Enumerable.Range(0, 4).Select(_ => Send(sender, 0, payload: 4)).ToList();
        sender.AdvanceTimestamp(4 * 160);

        Assert.All(eventPackets, p => Assert.Equal(8160u, p.Timestamp));
        Assert.Equal([8, 9, 10, 11], eventPackets.Select(p => (int)p.Sequence));
        Assert.Equal((12, 8800u, false), Send(sender, 160));
        Assert.Equal(6, sender.PacketCount);
        Assert.Equal(160 + 4 * 4 + 160, sender.OctetCount);
    }

    [Fact]
    public void StartsFromRandomValues()
    {
        var senders = Enumerable.Range(0, 8).Select(_ => new RtpSender()).ToList();

        Assert.True(senders.Select(s => s.Ssrc).Distinct().Count() > 1);
        Assert.True(senders.Select(s => s.SequenceNumber).Distinct().Count() > 1);
        Assert.True(senders.Select(s => s.Timestamp).Distinct().Count() > 1);
        Assert.All(senders, s => Assert.Equal(0, s.PacketCount));
    }
}
