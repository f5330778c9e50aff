using VoipCore.Auth;

namespace VoipCore.Tests.Auth;

public class DigestCredentialsTests
{
    [Fact]
    public void ParsesRfc7616Authorization()
    {
        var credentials = DigestCredentials.Parse(
            "Digest username=\"Mufasa\",\r\n realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256, " +
            "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", " +
            "qop=auth, response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

        Assert.Equal("Mufasa", credentials.Username);
        Assert.Equal("http-auth@example.org", credentials.Realm);
        Assert.Equal("/dir/index.html", credentials.Uri);
        Assert.Equal(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal(DigestQop.Auth, credentials.Qop);
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", credentials.Cnonce);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", credentials.Opaque);
    }

    [Fact]
    public void FormatsQopAndNcUnquotedAndEscapesStrings()
    {
        var value = new DigestCredentials
        {
            Username = "al\"ice",
            Realm = "r",
            Nonce = "n",
            Uri = "sip:r",
            Response = "abc",
            AlgorithmName = "MD5",
            Cnonce = "c",
            Opaque = "o",
            Qop = DigestQop.Auth,
            NonceCount = 0x1a,
        }.ToHeaderValue();

        Assert.Equal(
            "Digest username=\"al\\\"ice\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"abc\", algorithm=MD5, cnonce=\"c\", opaque=\"o\", qop=auth, nc=0000001a",
            value);
        Assert.Equal("al\"ice", DigestCredentials.Parse(value).Username);
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", "missing username")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", response=\"x\"", "missing uri")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=00000001", "cnonce")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=1", "nc")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=0000000g", "nc")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth-conf, cnonce=\"c\", nc=00000001", "qop")]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Digest")]
    public void MalformedCredentialsAreErrors(string value, string reasonFragment)
    {
        Assert.False(DigestCredentials.TryParse(value, out _, out var error));
        Assert.Contains(reasonFragment, error);
    }
}
