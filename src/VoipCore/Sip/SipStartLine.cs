namespace VoipCore.Sip;

/// <summary>
/// Parses the Request-Line (<c>Method SP Request-URI SP SIP-Version</c>) or Status-Line
/// (<c>SIP-Version SP 3DIGIT SP Reason-Phrase</c>). Exactly one SP separates the elements (RFC 4475 3.1.2.9, 3.1.2.10).
/// </summary>
internal static class SipStartLine
{
    public static SipParseError Parse(ReadOnlyMemory<byte> data, int lineEnd, SipMessage message)
    {
        ReadOnlySpan<byte> line = data.Span[..lineEnd];
        if (line.StartsWith("SIP/"u8))
            return ParseStatusLine(data, line, message);

        int sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0 || !SipGrammar.IsToken(line[..sp1]))
            return SipParseError.Bad("Malformed Request-Line");
        // Known to be a request from here on, so even a malformed one can be answered with 400.
        message.Kind = SipMessageKind.Request;
        message.MethodName = data[..sp1];
        message.Method = SipMethods.Classify(line[..sp1]);
        int sp2 = line[(sp1 + 1)..].IndexOf((byte)' ');
        if (sp2 <= 0)
            return SipParseError.Bad("Malformed Request-Line");
        sp2 += sp1 + 1;
        ReadOnlySpan<byte> version = line[(sp2 + 1)..];
        if (version.IndexOf((byte)' ') >= 0)
            return SipParseError.Bad("Malformed Request-Line");
        message.RequestUriText = data[(sp1 + 1)..sp2];
        return CheckVersion(version);
    }

    private static SipParseError ParseStatusLine(ReadOnlyMemory<byte> data, ReadOnlySpan<byte> line, SipMessage message)
    {
        int sp1 = line.IndexOf((byte)' ');
        if (sp1 < 0)
            return SipParseError.Bad("Malformed Status-Line");
        SipParseError versionError = CheckVersion(line[..sp1]);
        if (versionError.IsError) return versionError;
        ReadOnlySpan<byte> rest = line[(sp1 + 1)..];
        // Status-Code is exactly 3DIGIT; "SIP/2.0 4294967301 ..." must not wrap around (RFC 4475 3.1.2.19).
        if (rest.Length < 3 || !SipGrammar.IsDigit(rest[0]) || !SipGrammar.IsDigit(rest[1]) || !SipGrammar.IsDigit(rest[2])
            || (rest.Length > 3 && rest[3] != ' '))
            return SipParseError.Bad("Bad status code");
        int code = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
        if (code < 100 || code > 699)
            return SipParseError.Bad("Bad status code");
        message.Kind = SipMessageKind.Response;
        message.StatusCode = code;
        int reasonStart = sp1 + 1 + Math.Min(4, rest.Length);
        message.ReasonPhrase = data[reasonStart..line.Length];
        return default;
    }

    private static SipParseError CheckVersion(ReadOnlySpan<byte> version)
    {
        if (System.Text.Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8)) return default;
        // A well-formed but different version deserves 505; anything else is a malformed line.
        if (version.Length > 4 && System.Text.Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8))
        {
            ReadOnlySpan<byte> number = version[4..];
            int dot = number.IndexOf((byte)'.');
            if (dot > 0 && dot < number.Length - 1 && number[..dot].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
                && number[(dot + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0)
                return new SipParseError(505, "Version Not Supported");
        }
        return SipParseError.Bad("Malformed SIP version");
    }
}
