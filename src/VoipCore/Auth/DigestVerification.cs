namespace VoipCore.Auth;

/// <summary>Result of <see cref="DigestServer.Verify"/>.</summary>
public sealed class DigestVerification
{
    internal DigestVerification(DigestOutcome outcome, DigestCredentials? credentials, string? reason)
    {
        Outcome = outcome;
        Credentials = credentials;
        Reason = reason;
    }

    /// <summary>The verdict.</summary>
    public DigestOutcome Outcome { get; }

    /// <summary>The parsed credentials; null only when <see cref="DigestOutcome.Malformed"/> before parsing succeeded.</summary>
    public DigestCredentials? Credentials { get; }

    /// <summary>Human-readable detail for logs; never send it to the peer.</summary>
    public string? Reason { get; }

    /// <summary>True when authenticated.</summary>
    public bool IsOk => Outcome == DigestOutcome.Ok;

    /// <summary>The authenticated (or claimed) user name.</summary>
    public string? Username => Credentials?.Username;
}
