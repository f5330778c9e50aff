using System.Text;
using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class RtcpTests
{
    private static readonly RtcpReportBlock BlockA = new(0xAABBCCDD, 64, -2, 0x0001000A, 32, 0x12345678, 0x00018000);
    private static readonly RtcpReportBlock BlockB = new(7, 255, 0x7FFFFF, 65535, 0, 0, 0);

    [Fact]
    public void WritesAndReadsBackACompoundOfSenderReportSourceDescriptionAndGoodbye()
    {
        var buffer = new byte[1500];
        var writer = new RtcpWriter(buffer);
        writer.WriteSenderReport(0x11223344, 0xE1234567_89ABCDEF, 123456, 1000, 160000, [BlockA, BlockB]);
        writer.WriteSourceDescription(0x11223344, "alice@host.example");
        writer.WriteGoodbye(0x11223344, "hung up");
        var compound = writer.Written.ToArray();

        Assert.Equal(writer.Length, compound.Length);
        Assert.Equal(0, compound.Length % 4);
        var reader = new RtcpCompoundReader(compound);

        Assert.True(reader.TryRead(out var sr));
        Assert.Equal(RtcpPacketType.SenderReport, sr.Type);
        Assert.True(sr.TryGetSenderReport(out var report));
        Assert.False(sr.TryGetReceiverReport(out _));
        Assert.Equal(0x11223344u, report.Ssrc);
        Assert.Equal(0xE1234567_89ABCDEFul, report.NtpTimestamp);
        Assert.Equal(123456u, report.RtpTimestamp);
        Assert.Equal(1000u, report.PacketCount);
        Assert.Equal(160000u, report.OctetCount);
        Assert.Equal(2, report.ReportCount);
        Assert.Equal(BlockA, report.GetReportBlock(0));
        Assert.Equal(BlockB, report.GetReportBlock(1));
        Assert.Equal(4 + 24 + 2 * 24, sr.Data.Length);

        Assert.True(reader.TryRead(out var sdes));
        Assert.True(sdes.TryGetSourceDescription(out var description));
        Assert.Equal(1, description.ChunkCount);
        Assert.True(description.TryGetCname(out var cnameSource, out var cname));
        Assert.Equal(0x11223344u, cnameSource);
        Assert.Equal("alice@host.example", Encoding.UTF8.GetString(cname));

        Assert.True(reader.TryRead(out var bye));
        Assert.True(bye.TryGetGoodbye(out var goodbye));
        Assert.Equal(1, goodbye.SourceCount);
        Assert.Equal(0x11223344u, goodbye.GetSsrc(0));
        Assert.Equal("hung up", Encoding.UTF8.GetString(goodbye.Reason));

        Assert.False(reader.TryRead(out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void WritesAReceiverReportWithoutBlocksAndAGoodbyeWithoutReason()
    {
        var buffer = new byte[100];
        var writer = new RtcpWriter(buffer);
        writer.WriteReceiverReport(9, []);
        writer.WriteSourceDescription(9, "x");
        writer.WriteGoodbye(9);

        // RR: header + SSRC; SDES: header + SSRC + type, length, "x", null; BYE: header + SSRC.
        Assert.Equal("80C90001" + "00000009" + "81CA0002" + "00000009" + "01017800" + "81CB0001" + "00000009",
            Convert.ToHexString(writer.Written));
        var reader = new RtcpCompoundReader(writer.Written);
        Assert.True(reader.TryRead(out var rr));
        Assert.True(rr.TryGetReceiverReport(out var report));
        Assert.Equal(9u, report.Ssrc);
        Assert.Equal(0, report.ReportCount);
        Assert.True(reader.TryRead(out _));
        Assert.True(reader.TryRead(out var bye));
        Assert.True(bye.TryGetGoodbye(out var goodbye));
        Assert.True(goodbye.Reason.IsEmpty);
    }

    [Fact]
    public void ReadsAHandBuiltReceiverReport()
    {
        var datagram = Convert.FromHexString(
            "81C90007" + "11223344" + "AABBCCDD" + "40FFFFFE" + "0001000A" + "00000020" + "12345678" + "00018000");

        var reader = new RtcpCompoundReader(datagram);
        Assert.True(reader.TryRead(out var packet));
        Assert.True(packet.TryGetReceiverReport(out var report));
        Assert.Equal(0x11223344u, report.Ssrc);
        Assert.Equal(BlockA, report.GetReportBlock(0));
        Assert.Equal(25.0, report.GetReportBlock(0).FractionLostPercent);
        Assert.Equal(ErrorCode.InvalidArgument, BlockIndexError(datagram));
    }

    private static ErrorCode BlockIndexError(byte[] datagram)
    {
        var reader = new RtcpCompoundReader(datagram);
        reader.TryRead(out var packet);
        packet.TryGetReceiverReport(out var report);
        try
        {
            report.GetReportBlock(1);
            return ErrorCode.Ok;
        }
        catch (VoipException e)
        {
            return e.Code;
        }
    }

    [Fact]
    public void ClampsTheCumulativeLossToTwentyFourBits()
    {
        var buffer = new byte[64];
        var writer = new RtcpWriter(buffer);
        writer.WriteReceiverReport(1, [BlockA with { CumulativeLost = -9_000_000 }, BlockA with { CumulativeLost = 9_000_000 }]);
        var reader = new RtcpCompoundReader(writer.Written);
        reader.TryRead(out var packet);
        packet.TryGetReceiverReport(out var report);

        Assert.Equal(-0x800000, report.GetReportBlock(0).CumulativeLost);
        Assert.Equal(0x7FFFFF, report.GetReportBlock(1).CumulativeLost);
        Assert.Equal(0x7FFFFF, RtcpReportBlock.ClampCumulativeLost(long.MaxValue));
    }

    [Fact]
    public void ReadsEverySdesItemOfEveryChunk()
    {
        // Two chunks: SSRC 1 with CNAME "ab" and NAME "c"; SSRC 2 with TOOL "xyz"; padding per chunk to 32 bits.
        var datagram = Convert.FromHexString(
            "82CA0006" + "00000001" + "01026162" + "02016300" + "00000002" + "0603" + "78797A" + "000000");
        var reader = new RtcpCompoundReader(datagram);
        Assert.True(reader.TryRead(out var packet));
        Assert.True(packet.TryGetSourceDescription(out var description));

        var items = new List<(uint, RtcpSdesItemType, string)>();
        foreach (var item in description)
        {
            items.Add((item.Ssrc, item.Type, Encoding.UTF8.GetString(item.Value)));
        }
        Assert.Equal([(1u, RtcpSdesItemType.Cname, "ab"), (1u, RtcpSdesItemType.Name, "c"), (2u, RtcpSdesItemType.Tool, "xyz")], items);
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void PassesUnknownPacketTypesThroughAndStripsPadding()
    {
        // APP packet with 4 octets of padding, then an RR.
        var datagram = Convert.FromHexString("A0CC0003" + "00000001" + "41424344" + "00000004" + "80C90001" + "00000002");
        var reader = new RtcpCompoundReader(datagram);

        Assert.True(reader.TryRead(out var app));
        Assert.Equal(RtcpPacketType.ApplicationDefined, app.Type);
        Assert.True(app.Padding);
        Assert.Equal(8, app.Body.Length);
        Assert.Equal(16, app.Data.Length);
        Assert.True(reader.TryRead(out var rr));
        Assert.Equal(RtcpPacketType.ReceiverReport, rr.Type);
        Assert.False(reader.TryRead(out _));
    }

    [Theory]
    [InlineData("80C9")]                                    // header cut short
    [InlineData("40C90001" + "00000009")]                   // version 1
    [InlineData("80C90009" + "00000009")]                   // length beyond the datagram
    [InlineData("81C90001" + "00000009")]                   // one report block announced, none there
    [InlineData("80C80001" + "00000009")]                   // SR without sender info
    [InlineData("A0C90001" + "00000000")]                   // padding count 0
    [InlineData("A0C90001" + "00000009")]                   // padding count 9 > body
    [InlineData("81CA0002" + "00000009" + "01057800")]      // SDES item longer than the packet
    [InlineData("82CA0002" + "00000009" + "01017800")]      // SDES announces two chunks, has one
    [InlineData("81CA0001" + "00000009")]                   // SDES chunk without its end octet
    [InlineData("81CB0002" + "00000009" + "09414243")]      // BYE reason longer than the packet
    [InlineData("82CB0001" + "00000009")]                   // BYE announces two sources, has one
    public void StopsAtAMalformedPacketAfterReadingTheGoodOnesBefore(string badHex)
    {
        var datagram = Convert.FromHexString("80C90001" + "00000001" + badHex + "80C90001" + "00000002");
        var reader = new RtcpCompoundReader(datagram);

        Assert.True(reader.TryRead(out var first));
        Assert.Equal(RtcpPacketType.ReceiverReport, first.Type);
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.IsMalformed);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void WriterRefusesWhatCannotBeEncoded()
    {
        Assert.Equal(ErrorCode.InvalidArgument, WriteError((ref RtcpWriter w) => w.WriteReceiverReport(1, new RtcpReportBlock[32]), 1500));
        Assert.Equal(ErrorCode.InvalidArgument, WriteError((ref RtcpWriter w) => w.WriteSourceDescription(1, new string('a', 256)), 1500));
        Assert.Equal(ErrorCode.InvalidArgument, WriteError((ref RtcpWriter w) => w.WriteGoodbye(1, new string('é', 128)), 1500));
        Assert.Equal(ErrorCode.InvalidArgument, WriteError((ref RtcpWriter w) => w.WriteReceiverReport(1, [BlockA]), 31));
        Assert.Equal(ErrorCode.Ok, WriteError((ref RtcpWriter w) => w.WriteReceiverReport(1, [BlockA]), 32));
    }

    private delegate void WriteAction(ref RtcpWriter writer);

    private static ErrorCode WriteError(WriteAction write, int bufferSize)
    {
        var writer = new RtcpWriter(new byte[bufferSize]);
        try
        {
            write(ref writer);
            return ErrorCode.Ok;
        }
        catch (VoipException e)
        {
            return e.Code;
        }
    }

    [Fact]
    public void WritingAndReadingAllocateNothing()
    {
        Span<byte> buffer = stackalloc byte[1500];
        Span<RtcpReportBlock> blocks = [BlockA];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var packets = 0;
        for (var i = 0; i < 200; i++)
        {
            var writer = new RtcpWriter(buffer);
            writer.WriteSenderReport(1, (ulong)i, (uint)i, 10, 1600, blocks);
            writer.WriteSourceDescription(1, "user@example.com");
            var reader = new RtcpCompoundReader(writer.Written);
            while (reader.TryRead(out var packet))
            {
                packets++;
                if (packet.TryGetSourceDescription(out var description) && !description.TryGetCname(out _, out _))
                {
                    packets = -1000;
                }
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(400, packets);
    }
}
