namespace VoipCore.Auth;

/// <summary>Result of presenting a nonce count to the <see cref="NonceCountTracker"/>.</summary>
internal enum NonceUse
{
    /// <summary>First use of this nc for the nonce.</summary>
    Accepted,
    /// <summary>This nc was seen before, or is too far behind the highest to tell.</summary>
    Replayed,
    /// <summary>The nonce may have been used before its history was dropped to bound memory.</summary>
    Forgotten,
}
