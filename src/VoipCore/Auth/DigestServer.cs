using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace VoipCore.Auth;

/// <summary>
/// Server side of Digest: issues challenges for one realm and verifies credentials against a user lookup.
/// Nonces are self-validating (see <see cref="NonceFactory"/>); nc replay history is kept in bounded memory.
/// Requires qop=auth. Thread-safe.
/// </summary>
public sealed class DigestServer
{
    private readonly DigestServerOptions _options;
    private readonly NonceFactory _nonces;
    private readonly NonceCountTracker _nonceCounts;

    /// <summary>Creates a server for <see cref="DigestServerOptions.Realm"/>.</summary>
    public DigestServer(DigestServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Algorithms.Count == 0 || options.Algorithms.Contains(DigestAlgorithm.Unsupported))
        {
            throw new ArgumentException("Offer at least one, and only supported, algorithms.", nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTrackedNonces, 1, nameof(options));
        _options = options;
        _nonces = new NonceFactory(options.TimeProvider, options.NonceLifetime);
        _nonceCounts = new NonceCountTracker(options.MaxTrackedNonces);
    }

    /// <summary>The realm this server challenges for.</summary>
    public string Realm => _options.Realm;

    /// <summary>
    /// Challenges for a 401/407, one per offered algorithm in preference order, sharing a fresh nonce.
    /// Pass <paramref name="stale"/> = true after a <see cref="DigestOutcome.Stale"/> verdict.
    /// </summary>
    public IReadOnlyList<DigestChallenge> CreateChallenges(bool stale = false)
    {
        var nonce = _nonces.Create();
        var challenges = new DigestChallenge[_options.Algorithms.Count];
        for (var i = 0; i < challenges.Length; i++)
        {
            challenges[i] = new DigestChallenge
            {
                Realm = _options.Realm,
                Nonce = nonce,
                Stale = stale,
                AlgorithmName = _options.Algorithms[i].ToName(),
                QopOptions = ["auth"],
            };
        }
        return challenges;
    }

    /// <summary>Verifies an Authorization / Proxy-Authorization value for a request.</summary>
    /// <param name="authorizationValue">The header value.</param>
    /// <param name="method">The request method.</param>
    /// <param name="requestUri">The Request-URI; the digest-uri must equal it exactly.</param>
    /// <param name="lookup">
    /// Finds the secret of (username, realm) for the algorithm the client used; null for an unknown user.
    /// A returned HA1 must be for that algorithm's hash family.
    /// </param>
    /// <exception cref="InvalidOperationException">The lookup returned an HA1 for another hash family or realm.</exception>
    public DigestVerification Verify(string authorizationValue, string method, string requestUri,
        Func<string, string, DigestAlgorithm, DigestSecret?> lookup)
    {
        if (!DigestCredentials.TryParse(authorizationValue, out var credentials, out var error))
        {
            return new DigestVerification(DigestOutcome.Malformed, null, error);
        }
        if (Precheck(credentials) is { } rejected)
        {
            return rejected;
        }
        if (credentials.Uri != requestUri)
        {
            return Verdict(DigestOutcome.UriMismatch, credentials, $"uri '{credentials.Uri}' is not the request URI");
        }

        var nonceStatus = _nonces.Check(credentials.Nonce, out var stamp);
        if (nonceStatus == NonceStatus.Invalid)
        {
            return Verdict(DigestOutcome.InvalidNonce, credentials, "nonce not issued by this server");
        }

        var secret = lookup(credentials.Username, credentials.Realm, credentials.Algorithm);
        if (secret is null)
        {
            return Verdict(DigestOutcome.UnknownUser, credentials, null);
        }
        if (!ResponseMatches(credentials, secret, method))
        {
            return Verdict(DigestOutcome.WrongCredentials, credentials, null);
        }

        // Only now, with the response proven, may the client be told the nonce is merely stale.
        if (nonceStatus == NonceStatus.Expired)
        {
            return Verdict(DigestOutcome.Stale, credentials, "nonce expired");
        }
        return _nonceCounts.Use(stamp, credentials.NonceCount) switch
        {
            NonceUse.Accepted => Verdict(DigestOutcome.Ok, credentials, null),
            NonceUse.Replayed => Verdict(DigestOutcome.Replayed, credentials, $"nc {credentials.NonceCount} already used"),
            _ => Verdict(DigestOutcome.Stale, credentials, "nonce history no longer tracked"),
        };
    }

    /// <summary>Checks that need no secret: the realm and what this server offered.</summary>
    private DigestVerification? Precheck(DigestCredentials credentials)
    {
        if (credentials.Realm != _options.Realm)
        {
            return Verdict(DigestOutcome.RealmMismatch, credentials, $"realm '{credentials.Realm}' is not '{_options.Realm}'");
        }
        if (!_options.Algorithms.Contains(credentials.Algorithm))
        {
            return Verdict(DigestOutcome.Malformed, credentials, $"algorithm '{credentials.AlgorithmName ?? "MD5"}' was not offered");
        }
        if (credentials.Qop != DigestQop.Auth)
        {
            return Verdict(DigestOutcome.Malformed, credentials, "qop=auth is required");
        }
        return null;
    }

    private static bool ResponseMatches(DigestCredentials credentials, DigestSecret secret, string method)
    {
        var algorithm = credentials.Algorithm;
        Span<char> ha1 = stackalloc char[DigestAlgorithms.MaxHexLength];
        Span<char> expected = stackalloc char[DigestAlgorithms.MaxHexLength];
        var ha1Length = secret.WriteHa1(algorithm, credentials.Username, credentials.Realm, ha1);
        var expectedLength = DigestHash.WriteResponse(algorithm, ha1[..ha1Length], credentials.Nonce, credentials.Cnonce,
            credentials.NonceCount, credentials.Qop, method, credentials.Uri, default, expected);
        ha1.Clear();

        // Length is public (fixed by the algorithm); the content is compared in constant time, case-insensitively.
        if (credentials.Response.Length != expectedLength)
        {
            return false;
        }
        Span<char> received = stackalloc char[expectedLength];
        credentials.Response.AsSpan().ToLowerInvariant(received);
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(received), MemoryMarshal.AsBytes(expected[..expectedLength]));
    }

    private static DigestVerification Verdict(DigestOutcome outcome, DigestCredentials credentials, string? reason) =>
        new(outcome, credentials, reason);
}
