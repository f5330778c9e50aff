using System.Buffers;
using System.Text;
using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

public class SipSerializationTests
{
    private static string T(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    public static TheoryData<string> AcceptedVectors()
    {
        var data = new TheoryData<string>();
        foreach (string name in TortureVectors.All())
            if (SipMessage.TryParse(TortureVectors.Load(name), out _, out _)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedVectors))]
    public void UneditedMessageSerializesToItsOwnBytes(string vector)
    {
        SipMessage m = TortureVectors.ParseValid(vector);
        var writer = new ArrayBufferWriter<byte>();
        SipSerializer.Write(m, writer);
        Assert.True(writer.WrittenSpan.SequenceEqual(m.RawMessage.Span));

        // Through the builder, too, as long as Content-Length was present and right.
        byte[] rebuilt = SipMessageBuilder.From(m).ToArray();
        if (m.ContentLength >= 0) Assert.True(rebuilt.AsSpan().SequenceEqual(m.RawMessage.Span), vector);
        Assert.True(SipMessage.TryParse(rebuilt, out SipMessage again, out SipParseError e), e.ToString());
        Assert.Equal(m.Headers.Length + (m.ContentLength < 0 ? 1 : 0), again.Headers.Length);
        Assert.True(m.Body.Span.SequenceEqual(again.Body.Span));
    }

    [Fact]
    public void BuilderEditsKeepUnknownHeadersAndRecomputeContentLength()
    {
        SipMessage m = TortureVectors.ParseValid("wsinv");
        SipMessageBuilder b = SipMessageBuilder.From(m)
            .Prepend(HeaderId.Via, "SIP/2.0/TCP proxy.example.com;branch=z9hG4bKproxy1")
            .Set(HeaderId.MaxForwards, "67");
        b.SetBody("text/plain", "hello"u8.ToArray());
        Assert.Equal(1, b.Remove("NewFangledHeader"));
        SipMessage edited = SipMessage.Parse(b.ToArray());

        Assert.True(edited.TryGetTopVia(out ViaHeader top));
        Assert.Equal("proxy.example.com", T(top.Host));
        Assert.Equal(4, Count(edited.GetValues(HeaderId.Via)));
        Assert.Equal(67, edited.MaxForwards);
        Assert.Equal(5, edited.ContentLength);
        Assert.Equal("hello", T(edited.Body));
        Assert.Equal(0, Count(edited.GetValues("NewFangledHeader")));
        Assert.Equal(1, Count(edited.GetValues("UnknownHeaderWithUnusualValue")));
        Assert.True(edited.TryGetFirst(HeaderId.ContentType, out ReadOnlyMemory<byte> ct));
        Assert.Equal("text/plain", T(ct));
    }

    [Fact]
    public void RemoveFirstValuePopsOneElementOfAList()
    {
        SipMessage m = TortureVectors.ParseValid("wsinv");
        SipMessageBuilder b = SipMessageBuilder.From(m);
        Assert.True(b.RemoveFirstValue(HeaderId.Via));   // the first Via line holds one value
        Assert.True(b.RemoveFirstValue(HeaderId.Via));   // the "v:" line holds two: keep the second
        SipMessage edited = SipMessage.Parse(b.ToArray());
        Assert.True(edited.TryGetTopVia(out ViaHeader via));
        Assert.Equal("192.168.255.111", T(via.Host));
    }

    [Fact]
    public void NewRequestFromScratch()
    {
        byte[] bytes = SipMessageBuilder.Request(SipMethod.Invite, "sip:bob@example.com")
            .Add(HeaderId.Via, "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds;rport")
            .Add(HeaderId.MaxForwards, "70")
            .Add(HeaderId.To, "Bob <sip:bob@example.com>")
            .Add(HeaderId.From, "Alice <sip:alice@example.com>;tag=1928301774")
            .Add(HeaderId.CallId, "a84b4c76e66710@pc33.example.com")
            .Add(HeaderId.CSeq, "314159 INVITE")
            .Add("X-Trace", "abc")
            .SetBody("application/sdp", "v=0\r\n"u8.ToArray())
            .ToArray();
        string text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP", text);
        Assert.Contains("\r\nX-Trace: abc\r\n", text);
        Assert.EndsWith("Content-Length: 5\r\n\r\nv=0\r\n", text);
        SipMessage m = SipMessage.Parse(bytes);
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.True(m.TryGetTopVia(out ViaHeader via));
        Assert.True(via.HasRport);
    }

    [Fact]
    public void ResponseCopiesTransactionHeadersAndAddsToTag()
    {
        SipMessage request = TortureVectors.ParseValid("wsinv");
        SipMessage response = SipMessage.Parse(SipResponses.Create(request, 180, toTag: "should-not-replace").ToArray());
        Assert.Equal(180, response.StatusCode);
        Assert.Equal("Ringing", response.GetReasonPhrase());
        Assert.Equal(3, Count(response.GetValues(HeaderId.Via)));
        Assert.Equal("1918181833n", T(response.ToTag));
        Assert.Equal("98asjd8", T(response.FromTag));
        Assert.Equal(T(request.CallId), T(response.CallId));
        Assert.True(response.TryGetCSeq(out CSeqHeader cseq));
        Assert.Equal(9u, cseq.Number);
        Assert.Equal(0, response.ContentLength);

        SipMessage untagged = TortureVectors.ParseValid("lwsdisp");
        SipMessage ok = SipMessage.Parse(SipResponses.Create(untagged, 200, toTag: "as83kd").ToArray());
        Assert.Equal("as83kd", T(ok.ToTag));
        SipMessage trying = SipMessage.Parse(SipResponses.Create(untagged, 100, toTag: "as83kd").ToArray());
        Assert.True(trying.ToTag.IsEmpty);
    }

    private static int Count(HeaderValueEnumerator values)
    {
        int n = 0;
        foreach (ReadOnlyMemory<byte> _ in values) n++;
        return n;
    }
}
