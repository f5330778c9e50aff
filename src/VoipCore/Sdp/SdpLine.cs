namespace VoipCore.Sdp;

/// <summary>
/// A line whose type letter this parser does not know. Kept, in order, so a description passed
/// through keeps what the peer wrote.
/// </summary>
public sealed record SdpLine(char Type, string Value)
{
    public override string ToString() => $"{Type}={Value}";
}
