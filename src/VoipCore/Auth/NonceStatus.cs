namespace VoipCore.Auth;

/// <summary>What checking a nonce against the server key and clock found.</summary>
internal enum NonceStatus
{
    /// <summary>Issued by this server and within its lifetime.</summary>
    Valid,
    /// <summary>Issued by this server but older than the lifetime.</summary>
    Expired,
    /// <summary>Not issued by this server (forged, tampered or truncated).</summary>
    Invalid,
}
