using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void ParsesWhatTheHeaderWriterWrote()
    {
        var datagram = new byte[12 + 3];
        var written = RtpHeaderWriter.Write(datagram, payloadType: 111, marker: true, sequenceNumber: 0xBEEF, timestamp: 0xDEADBEEF, ssrc: 0x01020304);
        datagram[12] = 7;
        datagram[13] = 8;
        datagram[14] = 9;

        Assert.Equal(12, written);
        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        Assert.Equal(2, packet.Version);
        Assert.False(packet.Padding);
        Assert.False(packet.Extension);
        Assert.True(packet.Marker);
        Assert.Equal(111, packet.PayloadType);
        Assert.Equal(0xBEEF, packet.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, packet.Timestamp);
        Assert.Equal(0x01020304u, packet.Ssrc);
        Assert.Equal(0, packet.CsrcCount);
        Assert.Equal(12, packet.HeaderLength);
        Assert.Equal([7, 8, 9], packet.Payload.ToArray());
    }

    [Fact]
    public void SkipsCsrcsAndExtensionAndStripsPadding()
    {
        // V=2 P=1 X=1 CC=2, M=0 PT=0, seq 1, ts 2, ssrc 3, CSRCs 10 and 11, extension 0xBEDE with one word,
        // payload AA BB, then 3 octets of padding (the last one counting them).
        var datagram = Convert.FromHexString(
            "B2000001" + "00000002" + "00000003" + "0000000A" + "0000000B" + "BEDE0001" + "11223344" + "AABB" + "000003");

        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        Assert.True(packet.Padding);
        Assert.True(packet.Extension);
        Assert.False(packet.Marker);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(10u, packet.GetCsrc(0));
        Assert.Equal(11u, packet.GetCsrc(1));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal([0x11, 0x22, 0x33, 0x44], packet.ExtensionData.ToArray());
        Assert.Equal(28, packet.HeaderLength);
        Assert.Equal([0xAA, 0xBB], packet.Payload.ToArray());
        Assert.Equal(ErrorCode.InvalidArgument, CsrcOutOfRange(datagram));
    }

    private static ErrorCode CsrcOutOfRange(byte[] datagram)
    {
        RtpPacket.TryParse(datagram, out var packet);
        try
        {
            packet.GetCsrc(2);
            return ErrorCode.Ok;
        }
        catch (VoipException e)
        {
            return e.Code;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("8000000100000002000000")]                  // 11 bytes
    [InlineData("400000010000000200000003")]                // version 1
    [InlineData("C00000010000000200000003")]                // version 3
    [InlineData("8100000100000002000000030000")]            // one CSRC announced, two bytes there
    [InlineData("900000010000000200000003BEDE")]            // extension header cut short
    [InlineData("900000010000000200000003BEDE000211223344")] // extension announces two words, has one
    [InlineData("A0000001000000020000000300")]              // padding count 0
    [InlineData("A0000001000000020000000301020305")]        // padding count 5, only 4 octets after the header
    public void RejectsMalformedPackets(string hex)
    {
        Assert.False(RtpPacket.TryParse(Convert.FromHexString(hex), out _));
    }

    [Fact]
    public void AcceptsAnEmptyPayloadAndPaddingThatFillsIt()
    {
        Assert.True(RtpPacket.TryParse(Convert.FromHexString("800000010000000200000003"), out var empty));
        Assert.Equal(0, empty.Payload.Length);
        Assert.True(RtpPacket.TryParse(Convert.FromHexString("A0000001000000020000000300000004"), out var padded));
        Assert.Equal(0, padded.Payload.Length);
    }

    [Fact]
    public void HeaderWriterRefusesBadArguments()
    {
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => RtpHeaderWriter.Write(new byte[12], 128, false, 0, 0, 0)).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => RtpHeaderWriter.Write(new byte[11], 0, false, 0, 0, 0)).Code);
    }

    [Theory]
    [InlineData(0x80, 0x00, false)]   // PCMU
    [InlineData(0x80, 0x88, false)]   // PCMA with marker
    [InlineData(0x80, 0x6F, false)]   // opus (111)
    [InlineData(0x80, 0xEF, false)]   // opus with marker (239)
    [InlineData(0x80, 0xE0, false)]   // payload type 96 with marker (224)
    [InlineData(0x80, 0xC8, true)]    // SR
    [InlineData(0x81, 0xC9, true)]    // RR
    [InlineData(0x81, 0xCA, true)]    // SDES
    [InlineData(0x81, 0xCE, true)]    // PSFB
    [InlineData(0x00, 0xC8, false)]   // not version 2 (e.g. STUN)
    public void TellsRtcpFromRtpOnAMuxedPort(byte first, byte second, bool isRtcp)
    {
        Assert.Equal(isRtcp, RtcpMux.IsRtcp([first, second, 0, 0]));
    }

    [Fact]
    public void ParsingAndWritingAllocateNothing()
    {
        var datagram = new byte[172];
        var before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (var i = 0; i < 1000; i++)
        {
            RtpHeaderWriter.Write(datagram, 0, i == 0, (ushort)i, (uint)i * 160, 42);
            if (RtpPacket.TryParse(datagram, out var packet) && !RtcpMux.IsRtcp(datagram))
            {
                sum += packet.SequenceNumber + packet.Payload.Length;
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(999 * 1000 / 2 + 1000 * 160, sum);
    }
}
