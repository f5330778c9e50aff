using System.Text;
using VoipCore.Transport;

namespace VoipCore.Tests.Transport;

public class StreamFramerTests
{
    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    private const string Options = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h\r\nContent-Length: 5\r\n\r\nhello";

    [Fact]
    public void FramesAWholeMessageByContentLength()
    {
        var frame = StreamFramer.Frame(Bytes(Options + "NEXT"), 65535);
        Assert.Equal(new StreamFrame(FrameKind.Message, Options.Length), frame);
    }

    [Fact]
    public void WaitsForTheRestOfTheBody()
    {
        Assert.Equal(FrameKind.NeedMore, StreamFramer.Frame(Bytes(Options[..^2]), 65535).Kind);
        Assert.Equal(FrameKind.NeedMore, StreamFramer.Frame(Bytes("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n"), 65535).Kind);
    }

    [Theory]
    [InlineData("l: 5")]
    [InlineData("content-length:5")]
    [InlineData("CONTENT-LENGTH  :   5  ")]
    public void AcceptsCompactAndCaseInsensitiveNames(string header)
    {
        string message = $"MESSAGE sip:a@b SIP/2.0\r\nVia: x\r\n{header}\r\n\r\nhello";
        Assert.Equal(new StreamFrame(FrameKind.Message, message.Length), StreamFramer.Frame(Bytes(message), 65535));
    }

    [Fact]
    public void DoesNotMistakeAHeaderEndingInLForContentLength()
    {
        string message = "MESSAGE sip:a@b SIP/2.0\r\nX-Fooll: 9\r\nContent-Length: 0\r\n\r\n";
        Assert.Equal(new StreamFrame(FrameKind.Message, message.Length), StreamFramer.Frame(Bytes(message), 65535));
    }

    [Fact]
    public void RecognisesPingPongAndPadding()
    {
        Assert.Equal(new StreamFrame(FrameKind.Ping, 4), StreamFramer.Frame(Bytes("\r\n\r\nINVITE"), 65535));
        Assert.Equal(FrameKind.NeedMore, StreamFramer.Frame(Bytes("\r\n\r"), 65535).Kind);
        Assert.Equal(new StreamFrame(FrameKind.Padding, 2), StreamFramer.Frame(Bytes("\r\nINVITE"), 65535));
    }

    [Fact]
    public void MissingOrBadContentLengthIsMalformed()
    {
        Assert.Equal(FrameKind.Malformed, StreamFramer.Frame(Bytes("INVITE sip:a@b SIP/2.0\r\nVia: x\r\n\r\n"), 65535).Kind);
        Assert.Equal(FrameKind.Malformed, StreamFramer.Frame(Bytes("INVITE sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n"), 65535).Kind);
        Assert.Equal(FrameKind.Malformed, StreamFramer.Frame(Bytes("INVITE sip:a@b SIP/2.0\r\nContent-Length: 99999999999\r\n\r\n"), 65535).Kind);
    }

    [Fact]
    public void OversizedHeadersOrBodiesAreReported()
    {
        Assert.Equal(FrameKind.Oversized, StreamFramer.Frame(Bytes("INVITE sip:a@b SIP/2.0\r\nContent-Length: 70000\r\n\r\n"), 65535).Kind);
        Assert.Equal(FrameKind.Oversized, StreamFramer.Frame(Bytes("INVITE sip:a@b SIP/2.0\r\nX: " + new string('a', 200)), 100).Kind);
    }

    [Fact]
    public void Rfc4475DblreqOnAStreamIsTwoMessages()
    {
        // RFC 4475 3.1.1.8: over UDP the INVITE is junk after the REGISTER; on a stream it is the next message.
        byte[] stream = Sip.TortureVectors.Load("dblreq");
        var first = StreamFramer.Frame(stream, 65535);
        Assert.Equal(FrameKind.Message, first.Kind);
        Assert.Equal(VoipCore.Sip.SipMethod.Register, VoipCore.Sip.SipMessage.Parse(stream.AsMemory(0, first.Length)).Method);
        var rest = stream.AsMemory(first.Length);
        var padding = StreamFramer.Frame(rest.Span, 65535);
        Assert.Equal(new StreamFrame(FrameKind.Padding, 2), padding);
        var second = StreamFramer.Frame(rest.Span[2..], 65535);
        Assert.Equal(FrameKind.Message, second.Kind);
        var invite = VoipCore.Sip.SipMessage.Parse(rest.Slice(2, second.Length));
        Assert.Equal(VoipCore.Sip.SipMethod.Invite, invite.Method);
        Assert.Equal(150, invite.Body.Length);
    }

    [Theory]
    [InlineData("inv2543")]
    [InlineData("ncl")]
    public void Rfc4475MessagesWithoutUsableContentLengthCannotBeFramed(string vector) =>
        Assert.Equal(FrameKind.Malformed, StreamFramer.Frame(Sip.TortureVectors.Load(vector), 65535).Kind);
}
