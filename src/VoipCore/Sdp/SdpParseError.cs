namespace VoipCore.Sdp;

/// <summary>Why a description was refused.</summary>
/// <param name="LineNumber">1-based line number, or 0 when the fault is the description as a whole (e.g. no o= line).</param>
/// <param name="Line">The offending line as received (trailing whitespace removed), or null with line number 0.</param>
/// <param name="Message">What was wrong, in words fit for a log or a Warning header.</param>
public sealed record SdpParseError(int LineNumber, string? Line, string Message)
{
    public override string ToString() =>
        LineNumber == 0 ? $"SDP: {Message}" : $"SDP line {LineNumber} \"{Line}\": {Message}";
}
