using System.Text;
using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

public class SipUriTests
{
    private static SipUri Parse(string s)
    {
        Assert.True(SipUri.TryParse(Encoding.UTF8.GetBytes(s), out SipUri uri), s);
        return uri;
    }

    private static string T(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    [Fact]
    public void FullSipUri()
    {
        SipUri u = Parse("sips:alice:secret@example.com:5061;transport=tcp;lr;maddr=239.1.1.1;user=phone?subject=hi&priority=urgent");
        Assert.Equal(UriScheme.Sips, u.Scheme);
        Assert.Equal("alice", u.GetUser());
        Assert.Equal("secret", T(u.Password));
        Assert.Equal("example.com", u.GetHost());
        Assert.Equal(HostKind.Name, u.HostKind);
        Assert.Equal(5061, u.Port);
        Assert.Equal("tcp", T(u.Transport));
        Assert.True(u.IsLooseRouting);
        Assert.Equal("239.1.1.1", T(u.Maddr));
        Assert.Equal("phone", T(u.UserParameter));
        Assert.Equal("subject=hi&priority=urgent", T(u.Headers));
    }

    [Theory]
    [InlineData("sip:[::1]", "[::1]", -1)]
    [InlineData("sip:bob@[2001:db8::10]:5070;lr", "[2001:db8::10]", 5070)]
    [InlineData("sip:[2001:db8::192.0.2.1]", "[2001:db8::192.0.2.1]", -1)]
    public void IPv6References(string text, string host, int port)
    {
        SipUri u = Parse(text);
        Assert.Equal(HostKind.IPv6, u.HostKind);
        Assert.Equal(host, u.GetHost());
        Assert.Equal(port, u.Port);
    }

    [Fact]
    public void IPv4Host()
    {
        SipUri u = Parse("sip:192.0.2.4:5060");
        Assert.Equal(HostKind.IPv4, u.HostKind);
        Assert.Null(u.GetUser());
    }

    [Fact]
    public void TelUri()
    {
        SipUri u = Parse("tel:+1-201-555-0123;phone-context=example.com");
        Assert.Equal(UriScheme.Tel, u.Scheme);
        Assert.Equal("+1-201-555-0123", T(u.User));
        Assert.Equal("example.com", T(u.Parameters.GetValue("phone-context"u8)));
    }

    [Fact]
    public void EscapedUserIsDecodedOnRequest()
    {
        SipUri u = Parse("sip:%61lice%20b@example.com");
        Assert.Equal("%61lice%20b", T(u.User));
        Assert.Equal("alice b", u.GetUser());
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:user@")]
    [InlineData("sip:user@host:99999")]
    [InlineData("sip:us er@host")]
    [InlineData("sip:user@host;p=%zz")]
    [InlineData("sip:[::1")]
    [InlineData("1sip:host")]
    [InlineData("nocolon")]
    [InlineData("sip:user@host?")]
    public void MalformedUrisAreRejected(string text) =>
        Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
