using System.Text;
using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

public class SipParserAllocationTests
{
    private static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>\r\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.atlanta.example.com;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: libvoipcore-test/1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 250\r\n\r\n" +
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com\r\ns=-\r\n" +
        "c=IN IP4 192.0.2.101\r\nt=0 0\r\nm=audio 49172 RTP/AVP 0 8 9 101\r\na=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\na=rtpmap:9 G722/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n" +
        "a=sendrecv\r\n");

    private static long ParseAndReadTransactionFields(SipMessage message, bool transactionLayerOnly)
    {
        bool ok = transactionLayerOnly
            ? SipParser.TryParseForTransaction(Invite, message, out SipParseError error)
            : SipParser.TryParse(Invite, message, out error);
        Assert.True(ok, error.ToString());
        Assert.True(message.TryGetTopVia(out ViaHeader via));
        Assert.True(message.TryGetCSeq(out CSeqHeader cseq));
        return via.Branch.Length + via.Port + (via.HasRport ? 1 : 0) + cseq.Number + message.CallId.Length
            + message.FromTag.Length + message.ToTag.Length + message.MaxForwards + message.ContentLength + (int)message.Method;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ParsingAnInviteAndReadingTransactionFieldsAllocatesNothing(bool transactionLayerOnly)
    {
        Assert.InRange(Invite.Length, 800, 1000);
        var message = new SipMessage();
        for (int i = 0; i < 100; i++) ParseAndReadTransactionFields(message, transactionLayerOnly);   // warm-up (tiering, statics)

        long before = GC.GetAllocatedBytesForCurrentThread();
        long sink = 0;
        for (int i = 0; i < 1000; i++) sink += ParseAndReadTransactionFields(message, transactionLayerOnly);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sink > 0);
        Assert.Equal(0, allocated);
    }
}
