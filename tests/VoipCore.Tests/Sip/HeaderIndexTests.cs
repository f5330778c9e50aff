using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

public class HeaderIndexTests
{
    [Fact]
    public void EveryHeaderIdFitsTheIndexBitMasks()
    {
        // HeaderIndex keeps one bit per id in a ulong.
        foreach (HeaderId id in Enum.GetValues<HeaderId>())
            Assert.InRange((int)id, 0, 63);
    }

    [Fact]
    public void CountsAndFirstValuesFollowTheLines()
    {
        SipMessage m = SipMessage.Parse("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nX-A: 1\r\n"u8.ToArray()
            .Concat("v: SIP/2.0/TCP g;branch=z9hG4bK2, SIP/2.0/UDP f\r\nTo: <sip:a@b>\r\nFrom: <sip:c@d>;tag=9\r\n"u8.ToArray())
            .Concat("Call-ID: x\r\nCSeq: 1 OPTIONS\r\nx-a: 2\r\n\r\n"u8.ToArray()).ToArray());
        Assert.Equal(2, m.Count(HeaderId.Via));
        Assert.Equal(1, m.Count(HeaderId.To));
        Assert.Equal(0, m.Count(HeaderId.Contact));
        Assert.Equal(2, m.Count(HeaderId.Unknown));
        Assert.Equal(3, m.GetValues(HeaderId.Via).Count());
        Assert.Equal(2, m.GetValues("X-A").Count());
        Assert.True(m.TryGetTopVia(out ViaHeader via));
        Assert.Equal("z9hG4bK1", TortureVectors.Text(via.Branch));
        Assert.Equal("9", TortureVectors.Text(m.FromTag));
    }
}

internal static class HeaderValueEnumeratorExtensions
{
    public static int Count(this HeaderValueEnumerator values)
    {
        int n = 0;
        foreach (ReadOnlyMemory<byte> _ in values) n++;
        return n;
    }
}
