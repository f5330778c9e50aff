using VoipCore.Auth;

namespace VoipCore.Tests.Auth;

public class DigestClientTests
{
    private const string Rfc7616Challenge =
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, " +
        "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", " +
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, " +
        "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private static DigestClient Mufasa(DigestSecret secret) =>
        new("Mufasa", secret, null, () => "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

    [Fact]
    public void AnswersRfc7616ChallengeWithSha256()
    {
        var client = Mufasa(DigestSecret.FromPassword("Circle of Life"));
        var challenge = client.SelectChallenge(DigestChallenge.ParseAll(Rfc7616Challenge))!;

        var credentials = DigestCredentials.Parse(client.Authorize(challenge, "GET", "/dir/index.html"));

        Assert.Equal(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", credentials.Response);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", credentials.Opaque);
        Assert.Equal(DigestQop.Auth, credentials.Qop);
        Assert.Equal(1u, credentials.NonceCount);
    }

    [Fact]
    public void Md5Ha1OnlyAnswersTheMd5Challenge()
    {
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "http-auth@example.org", "Circle of Life");
        var client = Mufasa(DigestSecret.FromHa1(ha1.ToUpperInvariant(), DigestAlgorithm.Md5, "http-auth@example.org"));
        var challenges = DigestChallenge.ParseAll(Rfc7616Challenge);

        Assert.False(client.CanAnswer(challenges[0]));
        var challenge = client.SelectChallenge(challenges)!;
        var credentials = DigestCredentials.Parse(client.Authorize(challenge, "GET", "/dir/index.html"));

        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec", credentials.Response);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Md5Sess)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    public void Ha1AndPasswordGiveTheSameResponse(DigestAlgorithm algorithm)
    {
        var challenge = Assert.Single(DigestChallenge.ParseAll(
            $"Digest realm=\"atlanta.example.com\", nonce=\"n\", qop=\"auth\", algorithm={algorithm.ToName()}"));
        var ha1 = DigestHash.ComputeHa1(algorithm, "bob", "atlanta.example.com", "pw");
        var byPassword = new DigestClient("bob", DigestSecret.FromPassword("pw"), null, () => "c");
        var byHa1 = new DigestClient("bob", DigestSecret.FromHa1(ha1, algorithm), null, () => "c");

        Assert.Equal(
            byPassword.Authorize(challenge, "REGISTER", "sip:atlanta.example.com"),
            byHa1.Authorize(challenge, "REGISTER", "sip:atlanta.example.com"));
    }

    [Fact]
    public void Ha1ForAnotherRealmCannotAnswer()
    {
        var client = new DigestClient("bob", DigestSecret.FromHa1(new string('a', 32), DigestAlgorithm.Md5, "home.example"));
        var challenge = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"other.example\", nonce=\"n\""));

        Assert.False(client.CanAnswer(challenge));
        Assert.Throws<InvalidOperationException>(() => client.Authorize(challenge, "REGISTER", "sip:other.example"));
    }

    [Fact]
    public void Ha1OfWrongLengthIsRejected()
    {
        Assert.Throws<ArgumentException>(() => DigestSecret.FromHa1(new string('a', 32), DigestAlgorithm.Sha256));
    }

    [Fact]
    public void NonceCountIncrementsOnReuseAndResetsOnNewNonce()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"));
        var first = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n1\", qop=\"auth\""));
        var second = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n2\", qop=\"auth\""));

        uint Nc(DigestChallenge c) => DigestCredentials.Parse(client.Authorize(c, "REGISTER", "sip:r")).NonceCount;

        Assert.Equal([1u, 2u, 3u, 1u, 2u], [Nc(first), Nc(first), Nc(first), Nc(second), Nc(second)]);
    }

    [Fact]
    public void SipRegisterExampleWithFixedCnonce()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"), null, () => "0a4f113b");
        var challenge = Assert.Single(DigestChallenge.ParseAll(
            "Digest realm=\"atlanta.example.com\", qop=\"auth\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\""));

        var value = client.Authorize(challenge, "REGISTER", "sip:atlanta.example.com");

        Assert.Equal(
            "Digest username=\"alice\", realm=\"atlanta.example.com\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\", uri=\"sip:atlanta.example.com\", " +
            "response=\"3a0ac53917b99876c2ae16fe9231bf97\", cnonce=\"0a4f113b\", qop=auth, nc=00000001",
            value);
    }

    [Fact]
    public void AuthIntOnlyChallengeHashesTheBody()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"), null, () => "0a4f113b");
        var challenge = Assert.Single(DigestChallenge.ParseAll(
            "Digest realm=\"atlanta.example.com\", qop=\"auth-int\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\""));
        var body = System.Text.Encoding.UTF8.GetBytes("v=0\r\no=alice 1 1 IN IP4 192.0.2.1\r\n");

        var credentials = DigestCredentials.Parse(client.Authorize(challenge, "INVITE", "sip:bob@biloxi.example.com", body));

        Assert.Equal(DigestQop.AuthInt, credentials.Qop);
        Assert.Equal("37695181a42952ad75c8968c364dbf0d", credentials.Response);
    }

    [Fact]
    public void LegacyChallengeWithoutQopHasNoCnonceOrNc()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"));
        var challenge = Assert.Single(DigestChallenge.ParseAll(
            "Digest realm=\"atlanta.example.com\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\""));

        var credentials = DigestCredentials.Parse(client.Authorize(challenge, "REGISTER", "sip:atlanta.example.com"));

        Assert.Equal("4d6fd3110ce65f960c5c00591aa50051", credentials.Response);
        Assert.Null(credentials.Cnonce);
        Assert.Equal(DigestQop.None, credentials.Qop);
    }

    [Fact]
    public void AuthUsernameIsSentAndHashed()
    {
        var client = new DigestClient("1001", DigestSecret.FromPassword("s3cr3t"), "alice", () => "0a4f113b");
        var challenge = Assert.Single(DigestChallenge.ParseAll(
            "Digest realm=\"atlanta.example.com\", qop=\"auth\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\""));

        var credentials = DigestCredentials.Parse(client.Authorize(challenge, "REGISTER", "sip:atlanta.example.com"));

        Assert.Equal("alice", credentials.Username);
        Assert.Equal("3a0ac53917b99876c2ae16fe9231bf97", credentials.Response);
    }

    [Fact]
    public void RandomCnonceIsHexAndFresh()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("pw"));
        var challenge = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n\", qop=\"auth\""));

        var a = DigestCredentials.Parse(client.Authorize(challenge, "REGISTER", "sip:r")).Cnonce!;
        var b = DigestCredentials.Parse(client.Authorize(challenge, "REGISTER", "sip:r")).Cnonce!;

        Assert.Equal(32, a.Length);
        Assert.True(a.All(char.IsAsciiHexDigitLower));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void SecondNonStaleChallengeForTheRealmMeansWrongCredentials()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("wrong"));
        var first = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n1\", qop=\"auth\""));
        var again = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n2\", qop=\"auth\""));
        var otherRealm = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"proxy\", nonce=\"n3\", qop=\"auth\""));

        Assert.True(client.ShouldRetry(first));
        client.Authorize(first, "REGISTER", "sip:r");

        Assert.False(client.ShouldRetry(again));
        Assert.True(client.ShouldRetry(otherRealm));
    }

    [Fact]
    public void StaleChallengeIsRetriedOnceThenGivenUp()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("pw"));
        var first = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n1\", qop=\"auth\""));
        var stale = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", stale=true"));
        var staleAgain = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n3\", qop=\"auth\", stale=true"));

        client.Authorize(first, "REGISTER", "sip:r");
        Assert.True(client.ShouldRetry(stale));
        client.Authorize(stale, "REGISTER", "sip:r");
        Assert.False(client.ShouldRetry(staleAgain));
    }

    [Fact]
    public void AcceptanceResetsTheRetryGuard()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("pw"));
        var first = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n1\", qop=\"auth\""));
        var later = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n2\", qop=\"auth\""));

        client.Authorize(first, "REGISTER", "sip:r");
        client.MarkAccepted("r");

        Assert.True(client.ShouldRetry(later));
    }

    [Fact]
    public void UnsupportedChallengeIsNotRetried()
    {
        var client = new DigestClient("alice", DigestSecret.FromPassword("pw"));
        var challenge = Assert.Single(DigestChallenge.ParseAll("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"));

        Assert.False(client.ShouldRetry(challenge));
    }
}
