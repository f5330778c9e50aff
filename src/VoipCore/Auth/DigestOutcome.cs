namespace VoipCore.Auth;

/// <summary>Verdict on an Authorization / Proxy-Authorization value.</summary>
public enum DigestOutcome
{
    /// <summary>Authenticated.</summary>
    Ok,
    /// <summary>Correct response but expired (or no longer tracked) nonce: re-challenge with stale=true.</summary>
    Stale,
    /// <summary>The response does not match the user's secret.</summary>
    WrongCredentials,
    /// <summary>The lookup knows no such user. Answer exactly as for <see cref="WrongCredentials"/> to avoid user enumeration.</summary>
    UnknownUser,
    /// <summary>Syntax or protocol violation; see the reason.</summary>
    Malformed,
    /// <summary>The credentials are for another realm (perhaps meant for another proxy).</summary>
    RealmMismatch,
    /// <summary>The digest-uri differs from the request URI.</summary>
    UriMismatch,
    /// <summary>The nonce was not issued by this server (forged, tampered, or from before a restart).</summary>
    InvalidNonce,
    /// <summary>The nonce count was already used with this nonce.</summary>
    Replayed,
}
