namespace VoipCore.Auth;

/// <summary>Digest algorithms this stack can compute (RFC 2617, RFC 7616, RFC 8760).</summary>
public enum DigestAlgorithm
{
    /// <summary>An algorithm token we do not implement; such a challenge cannot be answered.</summary>
    Unsupported = 0,
    /// <summary>MD5 (the default when a challenge names no algorithm).</summary>
    Md5,
    /// <summary>MD5-sess: HA1 is re-hashed with the nonce and cnonce.</summary>
    Md5Sess,
    /// <summary>SHA-256 (RFC 7616, RFC 8760).</summary>
    Sha256,
    /// <summary>SHA-256-sess.</summary>
    Sha256Sess,
}

/// <summary>Names, hash sizes and ranking of <see cref="DigestAlgorithm"/> values.</summary>
public static class DigestAlgorithms
{
    /// <summary>Longest lowercase hex digest any supported algorithm produces.</summary>
    public const int MaxHexLength = 64;

    /// <summary>
    /// Maps an <c>algorithm</c> parameter (case-insensitive) to a value; <c>null</c> means the parameter
    /// was absent, which RFC 2617 defines as MD5.
    /// </summary>
    public static DigestAlgorithm FromName(string? name) => name switch
    {
        null => DigestAlgorithm.Md5,
        _ when name.Equals("MD5", StringComparison.OrdinalIgnoreCase) => DigestAlgorithm.Md5,
        _ when name.Equals("MD5-sess", StringComparison.OrdinalIgnoreCase) => DigestAlgorithm.Md5Sess,
        _ when name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) => DigestAlgorithm.Sha256,
        _ when name.Equals("SHA-256-sess", StringComparison.OrdinalIgnoreCase) => DigestAlgorithm.Sha256Sess,
        _ => DigestAlgorithm.Unsupported,
    };

    /// <summary>The token written on the wire for a supported algorithm.</summary>
    public static string ToName(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "No wire name for this algorithm."),
    };

    /// <summary>True for the -sess variants, whose HA1 also covers nonce and cnonce.</summary>
    public static bool IsSession(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    /// <summary>
    /// The non-session algorithm sharing this hash function. A stored HA1 is valid for exactly one family,
    /// because H(user:realm:password) differs between MD5 and SHA-256.
    /// </summary>
    public static DigestAlgorithm HashFamily(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess => DigestAlgorithm.Md5,
        DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess => DigestAlgorithm.Sha256,
        _ => DigestAlgorithm.Unsupported,
    };

    /// <summary>Length of the lowercase hex digest, or 0 when unsupported.</summary>
    public static int HexLength(this DigestAlgorithm algorithm) => algorithm.HashFamily() switch
    {
        DigestAlgorithm.Md5 => 32,
        DigestAlgorithm.Sha256 => 64,
        _ => 0,
    };

    /// <summary>
    /// Relative strength used to pick among several offered challenges (RFC 8760 section 2.4);
    /// session and non-session variants of one hash rank equal, so the server's order decides between them.
    /// </summary>
    public static int Strength(this DigestAlgorithm algorithm) => algorithm.HashFamily() switch
    {
        DigestAlgorithm.Md5 => 1,
        DigestAlgorithm.Sha256 => 2,
        _ => 0,
    };
}
