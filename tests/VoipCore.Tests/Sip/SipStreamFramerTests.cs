using System.Text;
using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

public class SipStreamFramerTests
{
    [Fact]
    public void DblreqOnAStreamIsTwoMessages()
    {
        // RFC 4475 3.1.1.8: over UDP the INVITE is junk after the REGISTER; on a stream it is the next message.
        byte[] stream = TortureVectors.Load("dblreq");
        Assert.Equal(FrameStatus.Complete, SipStreamFramer.TryFrame(stream, out int skip, out int length));
        SipMessage first = SipMessage.Parse(stream.AsMemory(skip, length));
        Assert.Equal(SipMethod.Register, first.Method);

        ReadOnlyMemory<byte> rest = stream.AsMemory(skip + length);
        Assert.Equal(FrameStatus.Complete, SipStreamFramer.TryFrame(rest.Span, out skip, out length));
        Assert.Equal(2, skip);   // the stray CRLF between the two messages
        SipMessage second = SipMessage.Parse(rest.Slice(skip, length));
        Assert.Equal(SipMethod.Invite, second.Method);
        Assert.Equal(150, second.Body.Length);
    }

    [Fact]
    public void PartialMessagesAskForMore()
    {
        byte[] all = TortureVectors.Load("esc01");
        for (int cut = 0; cut < all.Length; cut += 37)
            Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(all.AsSpan(0, cut), out _, out _));
        Assert.Equal(FrameStatus.Complete, SipStreamFramer.TryFrame(all, out _, out int length));
        Assert.Equal(all.Length, length);
    }

    [Theory]
    [InlineData("inv2543")]   // no Content-Length: cannot be framed on a stream
    [InlineData("ncl")]       // negative
    [InlineData("mcl01")]     // two of them
    public void UnframeableStreamsAreInvalid(string vector) =>
        Assert.Equal(FrameStatus.Invalid, SipStreamFramer.TryFrame(TortureVectors.Load(vector), out _, out _));

    [Fact]
    public void KeepAliveAloneIsSkipped()
    {
        Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(Encoding.ASCII.GetBytes("\r\n\r\n"), out int skip, out _));
        Assert.Equal(4, skip);
    }
}
