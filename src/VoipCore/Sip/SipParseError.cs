namespace VoipCore.Sip;

/// <summary>
/// Why a message was rejected: a short reason fit for the reason phrase of the error response
/// (e.g. "Bad CSeq") and the status code to answer with (400, or 505 for an unsupported SIP version).
/// The reasons are constant strings, so reporting an error allocates nothing.
/// </summary>
public readonly record struct SipParseError(int StatusCode, string Reason, HeaderId Header = HeaderId.Unknown)
{
    /// <summary>True when this value reports an error (the default value means "no error").</summary>
    public bool IsError => StatusCode != 0;

    /// <inheritdoc/>
    public override string ToString() => IsError ? $"{StatusCode} {Reason}" : "OK";

    internal static SipParseError Bad(string reason, HeaderId header = HeaderId.Unknown) => new(400, reason, header);
}
