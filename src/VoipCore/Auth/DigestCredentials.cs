using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace VoipCore.Auth;

/// <summary>Digest credentials as carried in an Authorization or Proxy-Authorization header value.</summary>
public sealed class DigestCredentials
{
    /// <summary>The authentication user name.</summary>
    public required string Username { get; init; }

    /// <summary>Realm of the challenge being answered.</summary>
    public required string Realm { get; init; }

    /// <summary>Nonce of the challenge being answered.</summary>
    public required string Nonce { get; init; }

    /// <summary>The request URI the response covers (digest-uri).</summary>
    public required string Uri { get; init; }

    /// <summary>The request digest in hex.</summary>
    public required string Response { get; init; }

    /// <summary>The <c>algorithm</c> parameter, or null when absent (meaning MD5).</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>The algorithm the response was computed with.</summary>
    public DigestAlgorithm Algorithm => DigestAlgorithms.FromName(AlgorithmName);

    /// <summary>Client nonce; present whenever <see cref="Qop"/> is not <see cref="DigestQop.None"/>.</summary>
    public string? Cnonce { get; init; }

    /// <summary>The challenge's opaque value, echoed.</summary>
    public string? Opaque { get; init; }

    /// <summary>The single qop value used, or None.</summary>
    public DigestQop Qop { get; init; }

    /// <summary>How many requests (this one included) the client has sent with this nonce; 0 without qop.</summary>
    public uint NonceCount { get; init; }

    /// <summary>Parses an Authorization / Proxy-Authorization value.</summary>
    /// <exception cref="FormatException">The value is not well-formed Digest credentials.</exception>
    public static DigestCredentials Parse(string headerValue) =>
        TryParse(headerValue, out var credentials, out var error) ? credentials : throw new FormatException(error);

    /// <summary>Parses an Authorization / Proxy-Authorization value.</summary>
    /// <returns>False with a reason when the value is not well-formed Digest credentials.</returns>
    public static bool TryParse(string headerValue, [NotNullWhen(true)] out DigestCredentials? credentials, [NotNullWhen(false)] out string? error)
    {
        credentials = null;
        if (!AuthParamParser.TryParse(headerValue, out var schemes, out error))
        {
            return false;
        }
        if (schemes.Count != 1 || !schemes[0].IsDigest)
        {
            error = "expected exactly one Digest credentials item";
            return false;
        }

        var scheme = schemes[0];
        var username = scheme.Get("username");
        var realm = scheme.Get("realm");
        var nonce = scheme.Get("nonce");
        var uri = scheme.Get("uri");
        var response = scheme.Get("response");
        if (username is null || realm is null || nonce is null || uri is null || response is null)
        {
            error = "missing " + (username is null ? "username" : realm is null ? "realm" : nonce is null ? "nonce" : uri is null ? "uri" : "response");
            return false;
        }

        var qop = DigestQop.None;
        uint nonceCount = 0;
        var cnonce = scheme.Get("cnonce");
        if (scheme.Get("qop") is { } qopName)
        {
            qop = DigestQops.FromName(qopName);
            if (qop == DigestQop.None)
            {
                error = $"unknown qop '{qopName}'";
                return false;
            }
            if (cnonce is null)
            {
                error = "qop present without cnonce";
                return false;
            }
            if (!TryParseNonceCount(scheme.Get("nc"), out nonceCount))
            {
                error = "qop present without a valid nc (8 hex digits)";
                return false;
            }
        }

        credentials = new DigestCredentials
        {
            Username = username,
            Realm = realm,
            Nonce = nonce,
            Uri = uri,
            Response = response,
            AlgorithmName = scheme.Get("algorithm"),
            Cnonce = cnonce,
            Opaque = scheme.Get("opaque"),
            Qop = qop,
            NonceCount = nonceCount,
        };
        error = null;
        return true;
    }

    /// <summary>Formats the credentials as a header value (qop, nc and algorithm unquoted, as RFC 7616 requires).</summary>
    public string ToHeaderValue()
    {
        var writer = new AuthParamWriter("Digest")
            .Quoted("username", Username)
            .Quoted("realm", Realm)
            .Quoted("nonce", Nonce)
            .Quoted("uri", Uri)
            .Quoted("response", Response);
        if (AlgorithmName is not null)
        {
            writer.Token("algorithm", AlgorithmName);
        }
        writer.QuotedIfPresent("cnonce", Cnonce).QuotedIfPresent("opaque", Opaque);
        if (Qop != DigestQop.None)
        {
            writer.Token("qop", Qop.ToName()).Token("nc", FormatNonceCount(NonceCount));
        }
        return writer.ToString();
    }

    /// <summary>The nc wire form: exactly 8 lowercase hex digits.</summary>
    internal static string FormatNonceCount(uint nonceCount) => nonceCount.ToString("x8", CultureInfo.InvariantCulture);

    private static bool TryParseNonceCount(string? text, out uint nonceCount)
    {
        nonceCount = 0;
        return text is { Length: 8 }
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nonceCount);
    }
}
