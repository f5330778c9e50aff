using System.Globalization;

namespace VoipCore.Sdp;

/// <summary>Token and number reading shared by the parser and the typed attribute views.</summary>
internal static class SdpText
{
    private static readonly char[] Whitespace = [' ', '\t'];

    /// <summary>Splits on runs of spaces or tabs: RFC 4566 says one space, peers send more.</summary>
    public static string[] Tokens(string value) =>
        value.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits off the first token; <paramref name="rest"/> is the trimmed remainder or empty.</summary>
    public static string FirstToken(string value, out string rest)
    {
        var trimmed = value.TrimStart(Whitespace);
        var end = trimmed.IndexOfAny(Whitespace);
        if (end < 0)
        {
            rest = "";
            return trimmed;
        }
        rest = trimmed[(end + 1)..].Trim(Whitespace);
        return trimmed[..end];
    }

    /// <summary>Plain decimal digits only: no sign, no spaces, no thousands separators.</summary>
    public static bool TryInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <inheritdoc cref="TryInt"/>
    public static bool TryLong(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <inheritdoc cref="TryInt"/>
    public static bool TryULong(ReadOnlySpan<char> text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <inheritdoc cref="TryInt"/>
    public static bool TryUInt(ReadOnlySpan<char> text, out uint value) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>A transport port: 0..65535.</summary>
    public static bool TryPort(ReadOnlySpan<char> text, out int port) =>
        TryInt(text, out port) && port <= 65535;

    /// <summary>An RTP payload type: 0..127.</summary>
    public static bool TryPayloadType(ReadOnlySpan<char> text, out int payloadType) =>
        TryInt(text, out payloadType) && payloadType <= 127;
}
