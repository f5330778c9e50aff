namespace VoipCore.Auth;

/// <summary>Configuration of a <see cref="DigestServer"/>.</summary>
public sealed class DigestServerOptions
{
    /// <summary>The realm challenged for (e.g. the SIP domain).</summary>
    public required string Realm { get; init; }

    /// <summary>How long an issued nonce is accepted before answers with it are reported stale.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Algorithms offered, most preferred first; one challenge is issued per algorithm (RFC 8760).</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>How many nonces keep replay (nc) history; bounds memory at roughly 100 bytes per nonce.</summary>
    public int MaxTrackedNonces { get; init; } = 10_000;

    /// <summary>Clock for nonce issue and expiry; replaceable in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
