namespace VoipCore.Auth;

/// <summary>Quality-of-protection values; a challenge may offer several, a response uses one.</summary>
[Flags]
public enum DigestQop
{
    /// <summary>No qop (RFC 2069 compatible response without cnonce and nc).</summary>
    None = 0,
    /// <summary><c>auth</c>: authenticates method and URI.</summary>
    Auth = 1,
    /// <summary><c>auth-int</c>: additionally covers a hash of the message body.</summary>
    AuthInt = 2,
}

/// <summary>Conversion between <see cref="DigestQop"/> and its wire tokens.</summary>
public static class DigestQops
{
    /// <summary>Maps one qop token (case-insensitive); unknown tokens map to <see cref="DigestQop.None"/>.</summary>
    public static DigestQop FromName(ReadOnlySpan<char> token) =>
        token.Equals("auth", StringComparison.OrdinalIgnoreCase) ? DigestQop.Auth
        : token.Equals("auth-int", StringComparison.OrdinalIgnoreCase) ? DigestQop.AuthInt
        : DigestQop.None;

    /// <summary>The union of the known tokens in a list of qop options.</summary>
    public static DigestQop FromOptions(IEnumerable<string> options)
    {
        var qop = DigestQop.None;
        foreach (var option in options)
        {
            qop |= FromName(option);
        }
        return qop;
    }

    /// <summary>The wire token of a single qop value.</summary>
    public static string ToName(this DigestQop qop) => qop switch
    {
        DigestQop.Auth => "auth",
        DigestQop.AuthInt => "auth-int",
        _ => throw new ArgumentOutOfRangeException(nameof(qop), qop, "Only a single qop value has a wire name."),
    };
}
