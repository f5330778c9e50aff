namespace VoipCore.Sip;

/// <summary>
/// One header line of a parsed message, as offsets into the message buffer: the name, the value (trimmed,
/// possibly spanning folded lines) and the whole line without its final CRLF.
/// </summary>
public readonly record struct HeaderField(HeaderId Id, int NameStart, int NameLength, int ValueStart, int ValueLength, int LineStart, int LineLength);
