using System.Security.Cryptography;

namespace VoipCore.Auth;

/// <summary>
/// Answers Digest challenges for one user: builds Authorization / Proxy-Authorization values, keeps the
/// nonce count per realm, and tells the caller when another attempt would be pointless. Thread-safe.
/// </summary>
public sealed class DigestClient
{
    private const int CnonceHexLength = 32;

    private readonly DigestSecret _secret;
    private readonly Func<string> _cnonceSource;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RealmState> _realms = new(StringComparer.Ordinal);

    /// <summary>Creates a client.</summary>
    /// <param name="username">The user (e.g. the user part of the AOR).</param>
    /// <param name="secret">Password or stored HA1.</param>
    /// <param name="authUsername">Authentication user name when it differs from <paramref name="username"/>.</param>
    public DigestClient(string username, DigestSecret secret, string? authUsername = null)
        : this(username, secret, authUsername, () => RandomNumberGenerator.GetHexString(CnonceHexLength, lowercase: true))
    {
    }

    /// <summary>Lets tests pin the cnonce to reproduce published examples.</summary>
    internal DigestClient(string username, DigestSecret secret, string? authUsername, Func<string> cnonceSource)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(secret);
        Username = username;
        AuthUsername = authUsername ?? username;
        _secret = secret;
        _cnonceSource = cnonceSource;
    }

    /// <summary>The user this client speaks for.</summary>
    public string Username { get; }

    /// <summary>The name sent in the <c>username</c> parameter and hashed into HA1.</summary>
    public string AuthUsername { get; }

    /// <summary>True when the challenge is supported and the secret fits its algorithm and realm.</summary>
    public bool CanAnswer(DigestChallenge challenge) =>
        challenge.IsSupported && _secret.CanAnswer(challenge.Algorithm, challenge.Realm);

    /// <summary>The challenge to answer among several offered (strongest answerable), or null.</summary>
    public DigestChallenge? SelectChallenge(IEnumerable<DigestChallenge> challenges) =>
        DigestChallengeSelector.SelectStrongest(challenges, CanAnswer);

    /// <summary>
    /// Whether answering this challenge (from a 401/407) is worth it. False when it cannot be answered, or when
    /// credentials already sent for its realm were rejected without stale=true (wrong credentials), or when a
    /// retry after a stale nonce came back stale again. Call <see cref="MarkAccepted"/> after a success.
    /// </summary>
    public bool ShouldRetry(DigestChallenge challenge)
    {
        if (!CanAnswer(challenge))
        {
            return false;
        }
        lock (_lock)
        {
            if (!_realms.TryGetValue(challenge.Realm, out var state) || !state.AwaitingVerdict)
            {
                return true;
            }
            return challenge.Stale && !state.AnsweredStale;
        }
    }

    /// <summary>Records that a request carrying our credentials for <paramref name="realm"/> succeeded.</summary>
    public void MarkAccepted(string realm)
    {
        lock (_lock)
        {
            if (_realms.TryGetValue(realm, out var state))
            {
                state.AwaitingVerdict = false;
            }
        }
    }

    /// <summary>
    /// Builds the Authorization / Proxy-Authorization value answering <paramref name="challenge"/>. Reusing a
    /// challenge for later requests increments nc; a new nonce restarts it at 1.
    /// </summary>
    /// <param name="challenge">The challenge to answer.</param>
    /// <param name="method">Request method.</param>
    /// <param name="uri">Request-URI, sent as the digest-uri.</param>
    /// <param name="body">Message body, hashed only when the challenge offers auth-int but not auth.</param>
    /// <exception cref="InvalidOperationException">The challenge cannot be answered (see <see cref="CanAnswer"/>).</exception>
    public string Authorize(DigestChallenge challenge, string method, string uri, ReadOnlySpan<byte> body = default)
    {
        if (!CanAnswer(challenge))
        {
            throw new InvalidOperationException($"Cannot answer a {challenge.AlgorithmName ?? "MD5"} challenge for realm '{challenge.Realm}'.");
        }

        var algorithm = challenge.Algorithm;
        var qop = ChooseQop(challenge.Qop);
        var cnonce = qop != DigestQop.None || algorithm.IsSession() ? _cnonceSource() : null;
        var nonceCount = NextNonceCount(challenge);

        Span<char> ha1 = stackalloc char[DigestAlgorithms.MaxHexLength];
        Span<char> response = stackalloc char[DigestAlgorithms.MaxHexLength];
        var ha1Length = _secret.WriteHa1(algorithm, AuthUsername, challenge.Realm, ha1);
        var responseLength = DigestHash.WriteResponse(algorithm, ha1[..ha1Length], challenge.Nonce, cnonce, nonceCount, qop, method, uri, body, response);
        ha1.Clear();

        return new DigestCredentials
        {
            Username = AuthUsername,
            Realm = challenge.Realm,
            Nonce = challenge.Nonce,
            Uri = uri,
            Response = new string(response[..responseLength]),
            // Echo the algorithm only if the challenge named one, as RFC 2617 clients do.
            AlgorithmName = challenge.AlgorithmName is null ? null : algorithm.ToName(),
            Cnonce = cnonce,
            Opaque = challenge.Opaque,
            Qop = qop,
            NonceCount = nonceCount,
        }.ToHeaderValue();
    }

    /// <summary>auth is preferred: it is what SIP servers expect and needs no body; auth-int only when it is all that is offered.</summary>
    private static DigestQop ChooseQop(DigestQop offered) =>
        offered.HasFlag(DigestQop.Auth) ? DigestQop.Auth
        : offered.HasFlag(DigestQop.AuthInt) ? DigestQop.AuthInt
        : DigestQop.None;

    private uint NextNonceCount(DigestChallenge challenge)
    {
        lock (_lock)
        {
            if (!_realms.TryGetValue(challenge.Realm, out var state))
            {
                state = new RealmState();
                _realms.Add(challenge.Realm, state);
            }
            if (state.Nonce != challenge.Nonce)
            {
                state.Nonce = challenge.Nonce;
                state.NonceCount = 0;
            }
            state.AwaitingVerdict = true;
            state.AnsweredStale = challenge.Stale;
            return ++state.NonceCount;
        }
    }

    private sealed class RealmState
    {
        public string? Nonce;
        public uint NonceCount;

        /// <summary>Credentials were sent and no success has been reported since.</summary>
        public bool AwaitingVerdict;

        /// <summary>The last credentials sent answered a stale=true challenge.</summary>
        public bool AnsweredStale;
    }
}
