namespace VoipCore.Auth;

/// <summary>
/// The authenticated content of a server nonce: when it was issued and its random salt. Replay state is keyed
/// by this rather than by the nonce text, so different spellings of the same bytes count as one nonce.
/// </summary>
internal readonly record struct NonceStamp(long IssuedAtUnixMs, long Salt);
