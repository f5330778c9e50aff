namespace VoipCore.Sdp;

/// <summary>
/// The one exception <see cref="SdpParser.Parse(string)"/> throws for malformed input; the session layer
/// answers such an offer with 488.
/// </summary>
public sealed class SdpParseException(SdpParseError error) : Exception(error.ToString())
{
    public SdpParseError Error { get; } = error;

    /// <summary>1-based line number, or 0 when the fault is the description as a whole.</summary>
    public int LineNumber => Error.LineNumber;
}
