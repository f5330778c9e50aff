using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VoipCore.Sdp;

/// <summary>
/// Reads RFC 4566 text. Tolerant where peers commonly differ (LF, CR or CRLF line ends, trailing
/// whitespace, blank lines, several spaces between fields, missing s= or t=, unknown line types and
/// attributes), strict where the meaning would be guessed (v= first, o=, m=, c=, b=, t= syntax, numbers,
/// session-only lines inside a media section). Failures name the line and the fault.
/// </summary>
public static class SdpParser
{
    /// <summary>Parses a description or throws <see cref="SdpParseException"/>; no other exception escapes.</summary>
    public static SessionDescription Parse(string text)
    {
        if (!TryParse(text, out var description, out var error))
        {
            throw new SdpParseException(error);
        }
        return description;
    }

    /// <summary>Parses a UTF-8 message body; invalid UTF-8 becomes U+FFFD and is judged like any other text.</summary>
    public static SessionDescription Parse(ReadOnlySpan<byte> utf8) => Parse(Encoding.UTF8.GetString(utf8));

    /// <summary>Parses a description, reporting a fault as a value rather than an exception.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out SessionDescription? description,
        [NotNullWhen(false)] out SdpParseError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new SdpReader();
        var lineNumber = 0;
        var position = 0;
        while (position < text.Length)
        {
            var line = NextLine(text, ref position).TrimEnd(' ', '\t');
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var fault = CheckLineShape(line) ?? reader.Read(line[0], line[2..]);
            if (fault is not null)
            {
                description = null;
                error = new SdpParseError(lineNumber, line, fault);
                return false;
            }
        }
        var missing = reader.Finish(out description);
        error = missing is null ? null : new SdpParseError(0, null, missing);
        return description is not null;
    }

    /// <summary>Returns the line at <paramref name="position"/> and moves past its terminator (CRLF, LF or CR).</summary>
    private static string NextLine(string text, ref int position)
    {
        var end = text.AsSpan(position).IndexOfAny('\r', '\n');
        if (end < 0)
        {
            var last = text[position..];
            position = text.Length;
            return last;
        }
        var line = text.Substring(position, end);
        position += end + 1;
        if (text[position - 1] == '\r' && position < text.Length && text[position] == '\n')
        {
            position++;
        }
        return line;
    }

    private static string? CheckLineShape(string line)
    {
        if (line.Length < 2 || line[1] != '=')
        {
            return "expected <type>=<value>";
        }
        return line[0] is >= 'a' and <= 'z' ? null : "the line type must be a lower-case letter";
    }
}
