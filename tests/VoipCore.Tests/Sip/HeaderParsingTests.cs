using System.Text;
using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

public class HeaderParsingTests
{
    private static string T(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    private static SipMessage Parse(string headers, string body = "")
    {
        string text = "OPTIONS sip:bob@example.com SIP/2.0\r\n" + headers + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;
        Assert.True(SipMessage.TryParse(Encoding.UTF8.GetBytes(text), out SipMessage m, out SipParseError e), e.ToString());
        return m;
    }

    private const string Base = "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nf: <sip:a@x>;tag=1\r\nt: sip:b@x\r\ni: c1\r\nCSeq: 1 OPTIONS\r\n";

    [Theory]
    [InlineData("i", HeaderId.CallId)] [InlineData("m", HeaderId.Contact)] [InlineData("e", HeaderId.ContentEncoding)]
    [InlineData("l", HeaderId.ContentLength)] [InlineData("c", HeaderId.ContentType)] [InlineData("f", HeaderId.From)]
    [InlineData("s", HeaderId.Subject)] [InlineData("k", HeaderId.Supported)] [InlineData("t", HeaderId.To)]
    [InlineData("v", HeaderId.Via)] [InlineData("o", HeaderId.Event)] [InlineData("u", HeaderId.AllowEvents)]
    [InlineData("r", HeaderId.ReferTo)] [InlineData("b", HeaderId.ReferredBy)] [InlineData("x", HeaderId.SessionExpires)]
    [InlineData("y", HeaderId.Identity)] [InlineData("V", HeaderId.Via)] [InlineData("WWW-AUTHENTICATE", HeaderId.WwwAuthenticate)]
    [InlineData("call-id", HeaderId.CallId)] [InlineData("X-Custom", HeaderId.Unknown)] [InlineData("z", HeaderId.Unknown)]
    public void HeaderNamesAndCompactForms(string name, HeaderId id) =>
        Assert.Equal(id, HeaderNames.Classify(Encoding.ASCII.GetBytes(name)));

    [Fact]
    public void FoldedValueIsOneHeaderAndUnfoldsToSingleSpaces()
    {
        SipMessage m = Parse(Base + "Subject: first\r\n  second\r\n\tthird\r\n");
        Assert.True(m.TryGetFirst(HeaderId.Subject, out ReadOnlyMemory<byte> v));
        Assert.Equal("first second third", SipText.Decode(v.Span));
    }

    [Fact]
    public void CommasInsideQuotesAndBracketsDoNotSplit()
    {
        SipMessage m = Parse(Base + "Contact: \"Doe, John\" <sip:j,r@x;a=1>;q=0.5, <sip:k@y>\r\nContact: sip:l@z\r\n");
        List<string> values = [];
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.Contact)) values.Add(T(v));
        Assert.Equal(["\"Doe, John\" <sip:j,r@x;a=1>;q=0.5", "<sip:k@y>", "sip:l@z"], values);
    }

    [Fact]
    public void NonListHeadersAreNotSplit()
    {
        SipMessage m = Parse(Base + "WWW-Authenticate: Digest realm=\"a,b\", nonce=\"n\", algorithm=MD5\r\n");
        List<string> values = [];
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.WwwAuthenticate)) values.Add(T(v));
        Assert.Single(values);
        Assert.True(AuthHeader.TryParse(m.GetValues(HeaderId.WwwAuthenticate).GetEnumerator() is var e && e.MoveNext() ? e.Current : default, out AuthHeader auth));
        Assert.Equal("Digest", T(auth.Scheme));
        Assert.True(auth.TryGetParameter("realm"u8, out ReadOnlyMemory<byte> realm));
        Assert.Equal("a,b", SipText.Unquote(realm.Span));
        Assert.True(auth.TryGetParameter("algorithm"u8, out ReadOnlyMemory<byte> alg));
        Assert.Equal("MD5", T(alg));
    }

    [Fact]
    public void ContactWildcard()
    {
        SipMessage m = Parse(Base + "Contact: *\r\nExpires: 0\r\n");
        Assert.True(m.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> v));
        Assert.True(NameAddress.TryParse(v, out NameAddress c));
        Assert.True(c.IsWildcard);
    }

    [Fact]
    public void ViaParametersAndRport()
    {
        Assert.True(ViaHeader.TryParse("SIP/2.0/UDP [2001:db8::1]:5062;branch=z9hG4bKx;rport;received=192.0.2.9;maddr=224.2.0.1;ttl=16"u8.ToArray(), out ViaHeader via));
        Assert.Equal("[2001:db8::1]", T(via.Host));
        Assert.Equal(HostKind.IPv6, via.HostKind);
        Assert.Equal(5062, via.Port);
        Assert.True(via.HasRport);
        Assert.Equal(-1, via.Rport);
        Assert.Equal("192.0.2.9", T(via.Received));
        Assert.Equal("224.2.0.1", T(via.Maddr));
        Assert.Equal(16, via.Ttl);
        Assert.True(via.HasRfc3261Branch);

        Assert.True(ViaHeader.TryParse("SIP/2.0/TCP host : 5060 ;rport=4000"u8.ToArray(), out via));
        Assert.Equal(5060, via.Port);
        Assert.Equal(4000, via.Rport);
        Assert.False(ViaHeader.TryParse("SIP/2.0/UDP"u8.ToArray(), out _));
        Assert.False(ViaHeader.TryParse("SIP/2.0/UDP host;;branch=1"u8.ToArray(), out _));
    }

    [Fact]
    public void NameAddrVersusAddrSpecParameters()
    {
        Assert.True(NameAddress.TryParse("\"Bob\" <sip:bob@x;transport=tcp>;tag=1"u8.ToArray(), out NameAddress a));
        Assert.Equal("Bob", a.GetDisplayName());
        Assert.Equal("tcp", T(a.Uri.Transport));
        Assert.Equal("1", T(a.Tag));

        Assert.True(NameAddress.TryParse("sip:bob@x;tag=1"u8.ToArray(), out NameAddress b));
        Assert.False(b.IsNameAddr);
        Assert.True(b.Uri.Parameters.IsEmpty);
        Assert.Equal("1", T(b.Tag));
        Assert.Null(b.GetDisplayName());
    }

    [Fact]
    public void CSeqParsing()
    {
        Assert.True(CSeqHeader.TryParse("4711 INVITE"u8.ToArray(), out CSeqHeader c));
        Assert.Equal(4711u, c.Number);
        Assert.Equal(SipMethod.Invite, c.Method);
        Assert.False(CSeqHeader.TryParse("4294967296 INVITE"u8.ToArray(), out _));
        Assert.False(CSeqHeader.TryParse("-1 INVITE"u8.ToArray(), out _));
        Assert.False(CSeqHeader.TryParse("1INVITE"u8.ToArray(), out _));
    }

    [Fact]
    public void RepeatedHeaderLinesKeepTheirOrder()
    {
        SipMessage m = Parse(Base + "Route: <sip:p1;lr>\r\nX-A: 1\r\nRoute: <sip:p2;lr>, <sip:p3;lr>\r\n");
        List<string> routes = [];
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.Route)) routes.Add(T(v));
        Assert.Equal(["<sip:p1;lr>", "<sip:p2;lr>", "<sip:p3;lr>"], routes);
    }
}
