using VoipCore.Auth;

namespace VoipCore.Tests.Auth;

public class DigestChallengeTests
{
    [Fact]
    public void ParsesAllFields()
    {
        var challenge = Assert.Single(DigestChallenge.ParseAll(
            "Digest realm=\"atlanta.example.com\", domain=\"sip:a.example.com sip:b.example.com\", nonce=\"abc\", " +
            "opaque=\"xyz\", stale=FALSE, algorithm=SHA-256, qop=\"auth,auth-int\""));

        Assert.Equal("atlanta.example.com", challenge.Realm);
        Assert.Equal("abc", challenge.Nonce);
        Assert.Equal("xyz", challenge.Opaque);
        Assert.False(challenge.Stale);
        Assert.Equal(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.Equal(DigestQop.Auth | DigestQop.AuthInt, challenge.Qop);
        Assert.Equal(["sip:a.example.com", "sip:b.example.com"], challenge.Domain);
        Assert.True(challenge.IsSupported);
    }

    [Fact]
    public void ToleratesWhitespaceOrderCaseAndUnknownParameters()
    {
        var challenge = Assert.Single(DigestChallenge.ParseAll(
            "  digest   NONCE = \"n1\" ,\t future=token ,qop = \" auth \",  REALM=\"r\" , stale = tRuE ,algorithm=md5-SESS  "));

        Assert.Equal("r", challenge.Realm);
        Assert.Equal("n1", challenge.Nonce);
        Assert.True(challenge.Stale);
        Assert.Equal(DigestAlgorithm.Md5Sess, challenge.Algorithm);
        Assert.Equal(DigestQop.Auth, challenge.Qop);
    }

    [Fact]
    public void UnescapesQuotedStrings()
    {
        var challenge = Assert.Single(DigestChallenge.ParseAll(@"Digest realm=""say \""hi\"" \\ back"", nonce=""a,b=c"""));
        Assert.Equal(@"say ""hi"" \ back", challenge.Realm);
        Assert.Equal("a,b=c", challenge.Nonce);
    }

    [Fact]
    public void MissingAlgorithmMeansMd5AndMissingQopMeansLegacy()
    {
        var challenge = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n\""));
        Assert.Null(challenge.AlgorithmName);
        Assert.Equal(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.Empty(challenge.QopOptions);
        Assert.True(challenge.IsSupported);
    }

    [Fact]
    public void UnknownAlgorithmOrOnlyUnknownQopIsUnsupported()
    {
        var challenges = DigestChallenge.ParseAll(
            "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256, Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\"");
        Assert.Equal(2, challenges.Count);
        Assert.Equal(DigestAlgorithm.Unsupported, challenges[0].Algorithm);
        Assert.Equal("SHA-512-256", challenges[0].AlgorithmName);
        Assert.False(challenges[0].IsSupported);
        Assert.False(challenges[1].IsSupported);
    }

    [Fact]
    public void SeveralChallengesAndOtherSchemesInOneValue()
    {
        var challenges = DigestChallenge.ParseAll(
            "Basic realm=\"r\", Digest realm=\"r\", nonce=\"n1\", algorithm=MD5, Negotiate, Digest realm=\"r\", nonce=\"n2\", algorithm=SHA-256");
        Assert.Equal(["n1", "n2"], challenges.Select(c => c.Nonce));
    }

    [Fact]
    public void SkipsToken68Schemes()
    {
        var challenge = Assert.Single(DigestChallenge.ParseAll("Negotiate YII+/abc==, Digest realm=\"r\", nonce=\"n\""));
        Assert.Equal("n", challenge.Nonce);
    }

    [Theory]
    [InlineData("Digest nonce=\"n\"", "realm")]
    [InlineData("Digest realm=\"r\"", "nonce")]
    [InlineData("Digest realm=\"r, nonce=\"n\"", "expected ','")]
    [InlineData("Digest realm=\"unterminated", "unterminated")]
    [InlineData("Digest realm=\"r\" nonce=\"n\"", "expected ','")]
    [InlineData("realm=\"r\", nonce=\"n\"", "before any auth scheme")]
    [InlineData("Digest realm=\"r\", realm=\"s\", nonce=\"n\"", "twice")]
    [InlineData("Digest nonce=\"n\", realm=", "missing value")]
    [InlineData("", "no auth scheme")]
    public void MalformedValuesAreErrors(string value, string reasonFragment)
    {
        Assert.False(DigestChallenge.TryParseAll(value, out _, out var error));
        Assert.Contains(reasonFragment, error);
        Assert.Throws<FormatException>(() => DigestChallenge.ParseAll(value));
    }

    [Fact]
    public void FormatsAndParsesBack()
    {
        var original = new DigestChallenge
        {
            Realm = "a \"quoted\" realm",
            Nonce = "n/1+=",
            Opaque = "o",
            Stale = true,
            AlgorithmName = "SHA-256",
            QopOptions = ["auth", "auth-int"],
            Domain = ["sip:a", "sip:b"],
        };

        var value = original.ToHeaderValue();
        var parsed = Assert.Single(DigestChallenge.ParseAll(value));

        Assert.Contains("stale=TRUE", value);
        Assert.Contains("qop=\"auth,auth-int\"", value);
        Assert.Equal(original.Realm, parsed.Realm);
        Assert.Equal(original.Nonce, parsed.Nonce);
        Assert.Equal(original.Opaque, parsed.Opaque);
        Assert.True(parsed.Stale);
        Assert.Equal(DigestAlgorithm.Sha256, parsed.Algorithm);
        Assert.Equal(original.QopOptions, parsed.QopOptions);
        Assert.Equal(original.Domain, parsed.Domain);
    }

    [Fact]
    public void SelectsStrongestSupportedThenTopmost()
    {
        var challenges = DigestChallenge.ParseAll(
            "Digest realm=\"r\", nonce=\"md5\", algorithm=MD5, " +
            "Digest realm=\"r\", nonce=\"unknown\", algorithm=SHA-512-256, " +
            "Digest realm=\"r\", nonce=\"sha\", algorithm=SHA-256, " +
            "Digest realm=\"r\", nonce=\"sha-sess\", algorithm=SHA-256-sess");

        Assert.Equal("sha", DigestChallengeSelector.SelectStrongest(challenges)!.Nonce);
        Assert.Equal("md5", DigestChallengeSelector.SelectStrongest(challenges, c => c.Algorithm == DigestAlgorithm.Md5)!.Nonce);
        Assert.Null(DigestChallengeSelector.SelectStrongest(challenges, _ => false));
    }

    [Fact]
    public void SelectsOnePerRealm()
    {
        var challenges = DigestChallenge.ParseAll(
            "Digest realm=\"proxy\", nonce=\"p-md5\", Digest realm=\"ua\", nonce=\"u-md5\", " +
            "Digest realm=\"proxy\", nonce=\"p-sha\", algorithm=SHA-256");

        var selected = DigestChallengeSelector.SelectStrongestPerRealm(challenges);

        Assert.Equal(["p-sha", "u-md5"], selected.Select(c => c.Nonce));
    }
}
