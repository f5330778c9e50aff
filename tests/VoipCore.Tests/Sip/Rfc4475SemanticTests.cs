using VoipCore.Sip;
using static VoipCore.Tests.Sip.TortureVectors;

namespace VoipCore.Tests.Sip;

/// <summary>
/// RFC 4475 sections 3.2, 3.3 and 3.4: syntactically valid messages whose problems belong to the transaction or
/// application layer. The parser accepts them and exposes what those layers need to decide.
/// </summary>
public class Rfc4475SemanticTests
{
    [Fact]
    public void Badbranch_MagicCookieWithoutIdentifier()
    {
        SipMessage m = ParseValid("badbranch");
        Assert.True(m.TryGetTopVia(out ViaHeader via));
        Assert.Equal("z9hG4bK", Text(via.Branch));
    }

    [Theory]
    [InlineData("unkscm", "nobodyKnowsThisScheme", "totallyopaquecontent")]
    [InlineData("novelsc", "soap.beep", "//192.0.2.103:3002")]
    public void UnknownRequestUriScheme_IsAcceptedAsOpaque(string vector, string scheme, string opaque)
    {
        SipMessage m = ParseValid(vector);
        Assert.True(m.TryGetRequestUri(out SipUri uri));
        Assert.Equal(UriScheme.Other, uri.Scheme);
        Assert.Equal(scheme, Text(uri.SchemeName));
        Assert.Equal(opaque, Text(uri.Opaque));
    }

    [Fact]
    public void Unksm2_UnknownSchemesInHeaders()
    {
        SipMessage m = ParseValid("unksm2");
        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("isbn", Text(to.Uri.SchemeName));
        Assert.True(m.TryGetFrom(out NameAddress from));
        Assert.Equal("http://www.example.com", from.Uri.ToString());
        Assert.Equal("3234233", Text(from.Tag));
        Assert.True(m.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> c));
        Assert.True(NameAddress.TryParse(c, out NameAddress contact));
        Assert.Equal("name:John_Smith", contact.Uri.ToString());
    }

    [Fact]
    public void Bext01_RequireAndProxyRequireValues()
    {
        SipMessage m = ParseValid("bext01");
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], Values(m, HeaderId.Require));
        Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], Values(m, HeaderId.ProxyRequire));
    }

    [Fact]
    public void Invut_UnknownContentTypeKeepsBody()
    {
        SipMessage m = ParseValid("invut");
        Assert.Equal(["application/unknownformat"], Values(m, HeaderId.ContentType));
        Assert.Equal(40, m.Body.Length);
    }

    [Fact]
    public void Regaut01_UnknownAuthorizationScheme()
    {
        SipMessage m = ParseValid("regaut01");
        Assert.True(m.TryGetFirst(HeaderId.Authorization, out ReadOnlyMemory<byte> value));
        Assert.True(AuthHeader.TryParse(value, out AuthHeader auth));
        Assert.Equal("NoOneKnowsThisScheme", Text(auth.Scheme));
        Assert.True(auth.TryGetParameter("opaque-data"u8, out ReadOnlyMemory<byte> opaque));
        Assert.Equal("here", Text(opaque));
    }

    [Fact]
    public void Bcast_BroadcastViaIsVisible()
    {
        SipMessage m = ParseValid("bcast");
        List<string> hosts = [];
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.Via))
        {
            Assert.True(ViaHeader.TryParse(v, out ViaHeader via));
            hosts.Add(Text(via.Host));
        }
        Assert.Equal(["192.0.2.198", "255.255.255.255"], hosts);
    }

    [Fact]
    public void Zeromf_MaxForwardsZero()
    {
        Assert.Equal(0, ParseValid("zeromf").MaxForwards);
    }

    [Fact]
    public void Cparam01_ParameterOfBareContactBelongsToTheHeader()
    {
        SipMessage m = ParseValid("cparam01");
        Assert.True(m.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> c));
        Assert.True(NameAddress.TryParse(c, out NameAddress contact));
        Assert.True(contact.Uri.Parameters.IsEmpty);
        Assert.True(contact.Parameters.Contains("unknownparam"u8));
        Assert.Equal("+19725552222", contact.Uri.GetUser());
    }

    [Fact]
    public void Cparam02_ParameterInsideBracketsBelongsToTheUri()
    {
        SipMessage m = ParseValid("cparam02");
        Assert.True(m.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> c));
        Assert.True(NameAddress.TryParse(c, out NameAddress contact));
        Assert.True(contact.Uri.Parameters.Contains("unknownparam"u8));
        Assert.True(contact.Parameters.IsEmpty);
    }

    [Fact]
    public void Regescrt_EscapedHeaderInContactUri()
    {
        SipMessage m = ParseValid("regescrt");
        Assert.True(m.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> c));
        Assert.True(NameAddress.TryParse(c, out NameAddress contact));
        Assert.Equal("Route=%3Csip:sip.example.com%3E", Text(contact.Uri.Headers));
    }

    [Fact]
    public void Sdp01_AcceptWithoutSdp()
    {
        Assert.Equal(["text/nobodyKnowsThis"], Values(ParseValid("sdp01"), HeaderId.Accept));
    }

    [Fact]
    public void Inv2543_Rfc2543RequestIsAccepted()
    {
        SipMessage m = ParseValid("inv2543");
        Assert.Equal(-1, m.MaxForwards);
        Assert.True(m.TryGetTopVia(out ViaHeader via));
        Assert.True(via.Branch.IsEmpty);
        Assert.False(via.HasRfc3261Branch);
        Assert.True(m.FromTag.IsEmpty);
        Assert.Equal(-1, m.ContentLength);
        Assert.True(m.Body.Span.StartsWith("v=0"u8));
        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("phone", Text(to.Parameters.GetValue("user"u8)));
    }

    private static List<string> Values(SipMessage m, HeaderId id)
    {
        List<string> values = [];
        foreach (ReadOnlyMemory<byte> v in m.GetValues(id)) values.Add(Text(v));
        return values;
    }
}
