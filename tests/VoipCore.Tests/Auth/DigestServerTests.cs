using VoipCore.Tests.Support;
using VoipCore.Auth;

namespace VoipCore.Tests.Auth;

public class DigestServerTests
{
    private const string Realm = "atlanta.example.com";
    private const string Uri = "sip:atlanta.example.com";

    private readonly ManualTimeProvider _clock = new();

    private DigestServer CreateServer(int maxTrackedNonces = 100, params DigestAlgorithm[] algorithms) => new(new DigestServerOptions
    {
        Realm = Realm,
        NonceLifetime = TimeSpan.FromMinutes(5),
        Algorithms = algorithms.Length == 0 ? [DigestAlgorithm.Sha256, DigestAlgorithm.Md5] : algorithms,
        MaxTrackedNonces = maxTrackedNonces,
        TimeProvider = _clock,
    });

    private static DigestSecret? Users(string user, string realm, DigestAlgorithm algorithm) => user switch
    {
        "alice" => DigestSecret.FromPassword("s3cr3t"),
        "bob" => DigestSecret.FromHa1(DigestHash.ComputeHa1(algorithm, "bob", realm, "hunter2"), algorithm),
        _ => null,
    };

    /// <summary>What a client sees: the challenges as header text, parsed back.</summary>
    private static DigestChallenge[] OverTheWire(IEnumerable<DigestChallenge> challenges) =>
        challenges.SelectMany(c => DigestChallenge.ParseAll(c.ToHeaderValue())).ToArray();

    private static string Answer(DigestServer server, string user, string password, bool stale = false)
    {
        var client = new DigestClient(user, DigestSecret.FromPassword(password));
        return client.Authorize(client.SelectChallenge(OverTheWire(server.CreateChallenges(stale)))!, "REGISTER", Uri);
    }

    [Fact]
    public void ChallengesOfferEachAlgorithmInOrderWithQopAuth()
    {
        var challenges = OverTheWire(CreateServer().CreateChallenges());

        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c => Assert.Equal(DigestQop.Auth, c.Qop));
        Assert.All(challenges, c => Assert.Equal(Realm, c.Realm));
        Assert.All(challenges, c => Assert.False(c.Stale));
    }

    [Fact]
    public void ClientToServerRoundTripSucceeds()
    {
        var server = CreateServer();

        var result = server.Verify(Answer(server, "alice", "s3cr3t"), "REGISTER", Uri, Users);

        Assert.Equal(DigestOutcome.Ok, result.Outcome);
        Assert.Equal("alice", result.Username);
        Assert.Equal(DigestAlgorithm.Sha256, result.Credentials!.Algorithm);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Md5Sess)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    public void StoredHa1VerifiesEachAlgorithm(DigestAlgorithm algorithm)
    {
        var server = CreateServer(100, algorithm);

        var result = server.Verify(Answer(server, "bob", "hunter2"), "REGISTER", Uri, Users);

        Assert.Equal(DigestOutcome.Ok, result.Outcome);
    }

    [Fact]
    public void WrongPasswordIsWrongCredentials()
    {
        var server = CreateServer();

        Assert.Equal(DigestOutcome.WrongCredentials, server.Verify(Answer(server, "alice", "guess"), "REGISTER", Uri, Users).Outcome);
    }

    [Fact]
    public void UnknownUserIsReported()
    {
        var server = CreateServer();

        Assert.Equal(DigestOutcome.UnknownUser, server.Verify(Answer(server, "mallory", "x"), "REGISTER", Uri, Users).Outcome);
    }

    [Fact]
    public void ExpiredNonceWithCorrectResponseIsStaleAndTheClientRecovers()
    {
        var server = CreateServer();
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"));
        var challenge = client.SelectChallenge(OverTheWire(server.CreateChallenges()))!;
        Assert.True(server.Verify(client.Authorize(challenge, "REGISTER", Uri), "REGISTER", Uri, Users).IsOk);
        client.MarkAccepted(Realm);

        _clock.Advance(TimeSpan.FromMinutes(6));
        var late = server.Verify(client.Authorize(challenge, "REGISTER", Uri), "REGISTER", Uri, Users);
        Assert.Equal(DigestOutcome.Stale, late.Outcome);

        var rechallenge = client.SelectChallenge(OverTheWire(server.CreateChallenges(stale: true)))!;
        Assert.True(rechallenge.Stale);
        Assert.True(client.ShouldRetry(rechallenge));
        var retried = server.Verify(client.Authorize(rechallenge, "REGISTER", Uri), "REGISTER", Uri, Users);
        Assert.Equal(DigestOutcome.Ok, retried.Outcome);
    }

    [Fact]
    public void ExpiredNonceWithWrongResponseIsNotStale()
    {
        var server = CreateServer();
        var header = Answer(server, "alice", "guess");
        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(DigestOutcome.WrongCredentials, server.Verify(header, "REGISTER", Uri, Users).Outcome);
    }

    [Fact]
    public void ReplayedNonceCountIsRejectedButParallelRequestsPass()
    {
        var server = CreateServer();
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"));
        var challenge = client.SelectChallenge(OverTheWire(server.CreateChallenges()))!;
        var first = client.Authorize(challenge, "REGISTER", Uri);
        var second = client.Authorize(challenge, "REGISTER", Uri);

        Assert.Equal(DigestOutcome.Ok, server.Verify(second, "REGISTER", Uri, Users).Outcome);
        Assert.Equal(DigestOutcome.Ok, server.Verify(first, "REGISTER", Uri, Users).Outcome);
        Assert.Equal(DigestOutcome.Replayed, server.Verify(first, "REGISTER", Uri, Users).Outcome);
    }

    [Fact]
    public void TamperedNonceIsInvalid()
    {
        var server = CreateServer();
        var header = Answer(server, "alice", "s3cr3t");
        var nonce = DigestCredentials.Parse(header).Nonce;
        var flipped = nonce[5] == 'A' ? 'B' : 'A';
        var tampered = header.Replace(nonce, nonce[..5] + flipped + nonce[6..]);

        var result = server.Verify(tampered, "REGISTER", Uri, Users);

        Assert.Equal(DigestOutcome.InvalidNonce, result.Outcome);
    }

    [Fact]
    public void NonceFromAnotherServerInstanceIsInvalid()
    {
        var header = Answer(CreateServer(), "alice", "s3cr3t");

        Assert.Equal(DigestOutcome.InvalidNonce, CreateServer().Verify(header, "REGISTER", Uri, Users).Outcome);
    }

    [Fact]
    public void ForgottenNonceIsStaleRatherThanReplayable()
    {
        var server = CreateServer(maxTrackedNonces: 1);
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"));
        var old = client.SelectChallenge(OverTheWire(server.CreateChallenges()))!;
        var oldFirst = client.Authorize(old, "REGISTER", Uri);
        var oldSecond = client.Authorize(old, "REGISTER", Uri);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var newer = Answer(server, "alice", "s3cr3t");

        Assert.True(server.Verify(oldFirst, "REGISTER", Uri, Users).IsOk);
        Assert.True(server.Verify(newer, "REGISTER", Uri, Users).IsOk); // evicts the old nonce's history

        Assert.Equal(DigestOutcome.Stale, server.Verify(oldSecond, "REGISTER", Uri, Users).Outcome);
        Assert.Equal(DigestOutcome.Stale, server.Verify(oldFirst, "REGISTER", Uri, Users).Outcome);
    }

    [Fact]
    public void RealmAndUriMismatchesAreReported()
    {
        var server = CreateServer();
        var other = new DigestServer(new DigestServerOptions { Realm = "biloxi.example.com", TimeProvider = _clock });

        Assert.Equal(DigestOutcome.RealmMismatch, server.Verify(Answer(other, "alice", "s3cr3t"), "REGISTER", Uri, Users).Outcome);
        Assert.Equal(DigestOutcome.UriMismatch, server.Verify(Answer(server, "alice", "s3cr3t"), "REGISTER", "sip:elsewhere", Users).Outcome);
    }

    [Fact]
    public void MethodIsCoveredByTheResponse()
    {
        var server = CreateServer();

        Assert.Equal(DigestOutcome.WrongCredentials, server.Verify(Answer(server, "alice", "s3cr3t"), "INVITE", Uri, Users).Outcome);
    }

    [Fact]
    public void UppercaseHexResponseIsAccepted()
    {
        var server = CreateServer();
        var header = Answer(server, "alice", "s3cr3t");
        var response = DigestCredentials.Parse(header).Response;

        var result = server.Verify(header.Replace(response, response.ToUpperInvariant()), "REGISTER", Uri, Users);

        Assert.Equal(DigestOutcome.Ok, result.Outcome);
    }

    [Theory]
    [InlineData("Digest username=\"alice\"", "missing")]
    [InlineData("not a header ===", "")]
    public void GarbageIsMalformedWithAReason(string header, string reasonFragment)
    {
        var result = CreateServer().Verify(header, "REGISTER", Uri, Users);

        Assert.Equal(DigestOutcome.Malformed, result.Outcome);
        Assert.Contains(reasonFragment, result.Reason);
    }

    [Fact]
    public void MissingQopOrUnofferedAlgorithmIsMalformed()
    {
        var server = CreateServer(100, DigestAlgorithm.Sha256);
        var nonce = server.CreateChallenges()[0].Nonce;
        var client = new DigestClient("alice", DigestSecret.FromPassword("s3cr3t"));
        var noQop = Assert.Single(DigestChallenge.ParseAll($"Digest realm=\"{Realm}\", nonce=\"{nonce}\", algorithm=SHA-256"));
        var md5 = Assert.Single(DigestChallenge.ParseAll($"Digest realm=\"{Realm}\", nonce=\"{nonce}\", algorithm=MD5, qop=\"auth\""));

        var withoutQop = server.Verify(client.Authorize(noQop, "REGISTER", Uri), "REGISTER", Uri, Users);
        var withMd5 = server.Verify(client.Authorize(md5, "REGISTER", Uri), "REGISTER", Uri, Users);

        Assert.Equal(DigestOutcome.Malformed, withoutQop.Outcome);
        Assert.Contains("qop", withoutQop.Reason);
        Assert.Equal(DigestOutcome.Malformed, withMd5.Outcome);
        Assert.Contains("MD5", withMd5.Reason);
    }
}
