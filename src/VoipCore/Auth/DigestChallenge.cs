namespace VoipCore.Auth;

/// <summary>
/// A Digest challenge as carried in a WWW-Authenticate or Proxy-Authenticate header value.
/// Unknown parameters are ignored; an unknown algorithm or qop parses but makes the challenge unsupported.
/// </summary>
public sealed class DigestChallenge
{
    /// <summary>Protection space; also the realm the credentials answer for.</summary>
    public required string Realm { get; init; }

    /// <summary>Server nonce, echoed in the credentials.</summary>
    public required string Nonce { get; init; }

    /// <summary>Opaque server data the client returns unchanged, if present.</summary>
    public string? Opaque { get; init; }

    /// <summary>True when the previous nonce was rejected only for being stale: retry without asking the user.</summary>
    public bool Stale { get; init; }

    /// <summary>The <c>algorithm</c> parameter as received, or null when absent (meaning MD5).</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>The algorithm the challenge asks for.</summary>
    public DigestAlgorithm Algorithm => DigestAlgorithms.FromName(AlgorithmName);

    /// <summary>The qop tokens offered, as received; empty when the challenge has no qop (RFC 2069 style).</summary>
    public IReadOnlyList<string> QopOptions { get; init; } = [];

    /// <summary>The known qop values among <see cref="QopOptions"/>.</summary>
    public DigestQop Qop => DigestQops.FromOptions(QopOptions);

    /// <summary>URIs of the protection space from the <c>domain</c> parameter.</summary>
    public IReadOnlyList<string> Domain { get; init; } = [];

    /// <summary>
    /// True when this stack can answer: a known algorithm and, if qop is offered, at least one known qop
    /// (falling back to a no-qop answer when only unknown options are offered would be a downgrade).
    /// </summary>
    public bool IsSupported => Algorithm != DigestAlgorithm.Unsupported && (QopOptions.Count == 0 || Qop != DigestQop.None);

    /// <summary>Parses every Digest challenge in a header value; other schemes are skipped.</summary>
    /// <exception cref="FormatException">The value is malformed or a Digest challenge lacks realm or nonce.</exception>
    public static IReadOnlyList<DigestChallenge> ParseAll(string headerValue) =>
        TryParseAll(headerValue, out var challenges, out var error) ? challenges : throw new FormatException(error);

    /// <summary>Parses every Digest challenge in a header value; other schemes are skipped.</summary>
    /// <returns>False with a reason when the value is malformed or a Digest challenge lacks realm or nonce.</returns>
    public static bool TryParseAll(string headerValue, out IReadOnlyList<DigestChallenge> challenges, out string? error)
    {
        challenges = [];
        if (!AuthParamParser.TryParse(headerValue, out var schemes, out error))
        {
            return false;
        }

        var result = new List<DigestChallenge>(schemes.Count);
        foreach (var scheme in schemes)
        {
            if (!scheme.IsDigest)
            {
                continue;
            }
            if (!TryCreate(scheme, out var challenge, out error))
            {
                return false;
            }
            result.Add(challenge);
        }
        challenges = result;
        return true;
    }

    /// <summary>Formats the challenge as a header value, e.g. for a 401 or 407 response.</summary>
    public string ToHeaderValue()
    {
        var writer = new AuthParamWriter("Digest")
            .Quoted("realm", Realm)
            .Quoted("nonce", Nonce)
            .QuotedIfPresent("opaque", Opaque);
        if (Stale)
        {
            // Upper case because RFC 2617-era peers compare against "TRUE"; RFC 7616 accepts any case.
            writer.Token("stale", "TRUE");
        }
        if (AlgorithmName is not null)
        {
            writer.Token("algorithm", AlgorithmName);
        }
        if (QopOptions.Count > 0)
        {
            writer.Quoted("qop", string.Join(',', QopOptions));
        }
        if (Domain.Count > 0)
        {
            writer.Quoted("domain", string.Join(' ', Domain));
        }
        return writer.ToString();
    }

    private static bool TryCreate(AuthScheme scheme, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DigestChallenge? challenge, out string? error)
    {
        challenge = null;
        var realm = scheme.Get("realm");
        var nonce = scheme.Get("nonce");
        if (realm is null || nonce is null)
        {
            error = realm is null ? "Digest challenge without realm" : "Digest challenge without nonce";
            return false;
        }

        error = null;
        challenge = new DigestChallenge
        {
            Realm = realm,
            Nonce = nonce,
            Opaque = scheme.Get("opaque"),
            // RFC 2617: anything other than "true" (any case) means false.
            Stale = string.Equals(scheme.Get("stale"), "true", StringComparison.OrdinalIgnoreCase),
            AlgorithmName = scheme.Get("algorithm"),
            QopOptions = SplitList(scheme.Get("qop"), ','),
            Domain = SplitList(scheme.Get("domain"), ' '),
        };
        return true;
    }

    private static string[] SplitList(string? value, char separator) =>
        value is null ? [] : value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
