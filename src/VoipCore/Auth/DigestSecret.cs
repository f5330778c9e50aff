namespace VoipCore.Auth;

/// <summary>
/// What proves a user's identity: the password, or a precomputed HA1 = H(username:realm:password).
/// An HA1 only works for the hash family it was computed with and for its realm.
/// </summary>
public sealed class DigestSecret
{
    private readonly string? _password;
    private readonly string? _ha1;
    private readonly DigestAlgorithm _ha1Family;
    private readonly string? _ha1Realm;

    private DigestSecret(string? password, string? ha1, DigestAlgorithm ha1Family, string? ha1Realm)
    {
        _password = password;
        _ha1 = ha1;
        _ha1Family = ha1Family;
        _ha1Realm = ha1Realm;
    }

    /// <summary>A plain password; answers any algorithm and realm.</summary>
    public static DigestSecret FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new DigestSecret(password, null, DigestAlgorithm.Unsupported, null);
    }

    /// <summary>A stored HA1 in hex.</summary>
    /// <param name="ha1Hex">H(username:realm:password) in hex (either case).</param>
    /// <param name="algorithm">The algorithm (or its -sess variant) the HA1 was computed with.</param>
    /// <param name="realm">The realm the HA1 was computed for; null when the caller already matched it.</param>
    /// <exception cref="ArgumentException">The hex does not have the length of that algorithm's hash.</exception>
    public static DigestSecret FromHa1(string ha1Hex, DigestAlgorithm algorithm, string? realm = null)
    {
        ArgumentNullException.ThrowIfNull(ha1Hex);
        var family = algorithm.HashFamily();
        if (family == DigestAlgorithm.Unsupported)
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported digest algorithm.");
        }
        if (ha1Hex.Length != family.HexLength() || !ha1Hex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"HA1 must be {family.HexLength()} hex digits for {family.ToName()}.", nameof(ha1Hex));
        }
        // The hex text itself is hashed again, so its case matters: RFC 7616 uses lowercase.
        return new DigestSecret(null, ha1Hex.ToLowerInvariant(), family, realm);
    }

    /// <summary>True when this secret can produce HA1 for the algorithm and realm.</summary>
    public bool CanAnswer(DigestAlgorithm algorithm, string realm) =>
        algorithm != DigestAlgorithm.Unsupported
        && (_password is not null
            || (algorithm.HashFamily() == _ha1Family && (_ha1Realm is null || _ha1Realm == realm)));

    /// <summary>Writes the base HA1 for the algorithm into <paramref name="destination"/>; returns its length.</summary>
    internal int WriteHa1(DigestAlgorithm algorithm, string username, string realm, Span<char> destination)
    {
        if (!CanAnswer(algorithm, realm))
        {
            throw new InvalidOperationException($"This secret cannot answer {algorithm} for realm '{realm}'.");
        }
        if (_password is not null)
        {
            return DigestHash.WriteHa1(algorithm, username, realm, _password, destination);
        }
        _ha1.AsSpan().CopyTo(destination);
        return _ha1!.Length;
    }
}
