using System.Buffers;

namespace VoipCore.Sip;

/// <summary>The scheme of a URI; anything but sip, sips and tel is kept opaque.</summary>
public enum UriScheme : byte
{
    /// <summary>A scheme the stack does not interpret (http:, isbn:, ...).</summary>
    Other,
    /// <summary>sip:</summary>
    Sip,
    /// <summary>sips:</summary>
    Sips,
    /// <summary>tel: (RFC 3966)</summary>
    Tel,
}

/// <summary>What the host part of a SIP URI or Via sent-by is.</summary>
public enum HostKind : byte
{
    /// <summary>No host (tel: and opaque URIs).</summary>
    None,
    /// <summary>A domain name.</summary>
    Name,
    /// <summary>A dotted IPv4 address.</summary>
    IPv4,
    /// <summary>A bracketed IPv6 reference, e.g. <c>[2001:db8::1]</c> (the slice includes the brackets).</summary>
    IPv6,
}

/// <summary>
/// A parsed URI (RFC 3261 section 19.1, RFC 3966 for tel:), as slices of the received bytes.
/// Components are raw (still %-escaped); the Get* methods unescape into strings on request.
/// </summary>
public readonly struct SipUri
{
    private static readonly SearchValues<byte> SchemeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."u8);
    private static readonly SearchValues<byte> UserChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()%&=+$,;?/"u8);
    private static readonly SearchValues<byte> PasswordChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()%&=+$,"u8);
    private static readonly SearchValues<byte> HostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-."u8);
    private static readonly SearchValues<byte> IPv6Chars = SearchValues.Create("0123456789abcdefABCDEF:."u8);
    private static readonly SearchValues<byte> ParamChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()%[]/:&+$=;"u8);
    private static readonly SearchValues<byte> HeaderChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()%[]/?:+$=&"u8);
    private static readonly SearchValues<byte> TelChars =
        SearchValues.Create("0123456789abcdefABCDEF+-.()*#pwPW%"u8);
    private static readonly SearchValues<byte> OpaqueForbidden = SearchValues.Create(" \t\r\n<>\""u8);

    /// <summary>The whole URI as received.</summary>
    public ReadOnlyMemory<byte> Raw { get; private init; }

    /// <summary>The scheme kind.</summary>
    public UriScheme Scheme { get; private init; }

    /// <summary>The scheme as written, without ':'.</summary>
    public ReadOnlyMemory<byte> SchemeName { get; private init; }

    /// <summary>The user part (sip/sips), still escaped; for tel: the subscriber number. Empty if absent.</summary>
    public ReadOnlyMemory<byte> User { get; private init; }

    /// <summary>The password of the userinfo, still escaped; empty if absent.</summary>
    public ReadOnlyMemory<byte> Password { get; private init; }

    /// <summary>The host (IPv6 references keep their brackets).</summary>
    public ReadOnlyMemory<byte> Host { get; private init; }

    /// <summary>What kind of host <see cref="Host"/> is.</summary>
    public HostKind HostKind { get; private init; }

    /// <summary>The port, or -1 when the URI names none.</summary>
    public int Port { get; private init; }

    /// <summary>URI parameters (;transport=tcp;lr ...).</summary>
    public SipParameterList Parameters { get; private init; }

    /// <summary>URI headers after '?', without the '?' (e.g. <c>Route=%3Csip:x%3E</c>); empty if none.</summary>
    public ReadOnlyMemory<byte> Headers { get; private init; }

    /// <summary>For schemes other than sip/sips/tel, everything after the ':'.</summary>
    public ReadOnlyMemory<byte> Opaque { get; private init; }

    /// <summary>The user part with %HH escapes decoded, or null if there is none.</summary>
    public string? GetUser() => User.IsEmpty ? null : SipText.Unescape(User.Span);

    /// <summary>The host as text (IPv6 with brackets).</summary>
    public string GetHost() => SipText.Decode(Host.Span);

    /// <summary>The transport parameter, or empty.</summary>
    public ReadOnlyMemory<byte> Transport => Parameters.GetValue("transport"u8);

    /// <summary>The maddr parameter, or empty.</summary>
    public ReadOnlyMemory<byte> Maddr => Parameters.GetValue("maddr"u8);

    /// <summary>The user parameter (e.g. "phone"), or empty.</summary>
    public ReadOnlyMemory<byte> UserParameter => Parameters.GetValue("user"u8);

    /// <summary>True when the loose-routing flag ;lr is present.</summary>
    public bool IsLooseRouting => Parameters.Contains("lr"u8);

    /// <summary>True for sip: and sips: URIs.</summary>
    public bool IsSip => Scheme is UriScheme.Sip or UriScheme.Sips;

    /// <inheritdoc/>
    public override string ToString() => SipText.Decode(Raw.Span);

    /// <summary>Parses a URI without allocating; false if it is malformed.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> text, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> s = text.Span;
        int colon = s.IndexOf((byte)':');
        if (colon <= 0 || !IsAsciiLetter(s[0]) || s[..colon].IndexOfAnyExcept(SchemeChars) >= 0)
            return false;
        ReadOnlySpan<byte> scheme = s[..colon];
        UriScheme kind = System.Text.Ascii.EqualsIgnoreCase(scheme, "sip"u8) ? UriScheme.Sip
            : System.Text.Ascii.EqualsIgnoreCase(scheme, "sips"u8) ? UriScheme.Sips
            : System.Text.Ascii.EqualsIgnoreCase(scheme, "tel"u8) ? UriScheme.Tel
            : UriScheme.Other;
        ReadOnlyMemory<byte> rest = text[(colon + 1)..];
        return kind switch
        {
            UriScheme.Other => TryParseOpaque(text, rest, out uri),
            UriScheme.Tel => TryParseTel(text, rest, out uri),
            _ => TryParseSip(text, kind, rest, out uri),
        };
    }

    /// <summary>Parses a URI from text (for building messages); throws <see cref="FormatException"/> if malformed.</summary>
    public static SipUri Parse(string text) =>
        TryParse(System.Text.Encoding.UTF8.GetBytes(text), out SipUri uri) ? uri : throw new FormatException($"Invalid URI: {text}");

    private static bool IsAsciiLetter(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool TryParseOpaque(ReadOnlyMemory<byte> raw, ReadOnlyMemory<byte> rest, out SipUri uri)
    {
        uri = default;
        if (rest.IsEmpty || rest.Span.IndexOfAny(OpaqueForbidden) >= 0) return false;
        uri = new SipUri { Raw = raw, Scheme = UriScheme.Other, SchemeName = raw[..(raw.Length - rest.Length - 1)], Opaque = rest, Port = -1 };
        return true;
    }

    private static bool TryParseTel(ReadOnlyMemory<byte> raw, ReadOnlyMemory<byte> rest, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> s = rest.Span;
        int semi = s.IndexOf((byte)';');
        int numberEnd = semi < 0 ? s.Length : semi;
        if (numberEnd == 0 || s[..numberEnd].IndexOfAnyExcept(TelChars) >= 0) return false;
        ReadOnlySpan<byte> parameters = s[numberEnd..];
        if (parameters.IndexOfAnyExcept(ParamChars) >= 0) return false;
        uri = new SipUri
        {
            Raw = raw, Scheme = UriScheme.Tel, SchemeName = raw[..3], User = rest[..numberEnd], Port = -1,
            Parameters = new SipParameterList(rest[numberEnd..], uriStyle: true),
        };
        return true;
    }

    private static bool TryParseSip(ReadOnlyMemory<byte> raw, UriScheme kind, ReadOnlyMemory<byte> rest, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> s = rest.Span;
        // '@' cannot appear unescaped anywhere but as the end of userinfo, so the first one is it.
        int at = s.IndexOf((byte)'@');
        ReadOnlyMemory<byte> user = default, password = default;
        int pos = 0;
        if (at >= 0)
        {
            ReadOnlySpan<byte> userInfo = s[..at];
            int pw = userInfo.IndexOf((byte)':');
            int userEnd = pw < 0 ? at : pw;
            if (userEnd == 0 || userInfo[..userEnd].IndexOfAnyExcept(UserChars) >= 0) return false;
            if (pw >= 0 && userInfo[(pw + 1)..].IndexOfAnyExcept(PasswordChars) >= 0) return false;
            if (!SipGrammar.EscapesAreValid(userInfo)) return false;
            user = rest[..userEnd];
            if (pw >= 0) password = rest[(pw + 1)..at];
            pos = at + 1;
        }

        if (!TryReadHostPort(s, ref pos, out Range hostRange, out HostKind hostKind, out int port)) return false;

        int paramStart = pos;
        int question = s[pos..].IndexOf((byte)'?');
        int paramEnd = question < 0 ? s.Length : pos + question;
        ReadOnlySpan<byte> parameters = s[paramStart..paramEnd];
        if (parameters.Length > 0 && (parameters[0] != ';' || parameters.IndexOfAnyExcept(ParamChars) >= 0 || !SipGrammar.EscapesAreValid(parameters)))
            return false;
        ReadOnlyMemory<byte> headers = default;
        if (question >= 0)
        {
            ReadOnlySpan<byte> h = s[(paramEnd + 1)..];
            if (h.IsEmpty || h.IndexOfAnyExcept(HeaderChars) >= 0 || !SipGrammar.EscapesAreValid(h)) return false;
            headers = rest[(paramEnd + 1)..];
        }

        uri = new SipUri
        {
            Raw = raw, Scheme = kind, SchemeName = raw[..(raw.Length - rest.Length - 1)], User = user, Password = password,
            Host = rest[hostRange], HostKind = hostKind, Port = port,
            Parameters = new SipParameterList(rest[paramStart..paramEnd], uriStyle: true), Headers = headers,
        };
        return true;
    }

    /// <summary>Reads <c>host [ ":" port ]</c> at <paramref name="pos"/>; shared with the Via sent-by parser.</summary>
    internal static bool TryReadHostPort(ReadOnlySpan<byte> s, ref int pos, out Range host, out HostKind kind, out int port)
    {
        host = default;
        kind = HostKind.None;
        port = -1;
        int start = pos;
        if (pos < s.Length && s[pos] == '[')
        {
            int close = s[pos..].IndexOf((byte)']');
            if (close < 3 || s.Slice(pos + 1, close - 1).IndexOfAnyExcept(IPv6Chars) >= 0) return false;
            pos += close + 1;
            kind = HostKind.IPv6;
        }
        else
        {
            int len = s[pos..].IndexOfAnyExcept(HostChars);
            pos = len < 0 ? s.Length : pos + len;
            if (pos == start) return false;
            kind = IsIPv4(s[start..pos]) ? HostKind.IPv4 : HostKind.Name;
        }
        host = start..pos;
        if (pos < s.Length && s[pos] == ':')
        {
            int digitsStart = ++pos;
            while (pos < s.Length && SipGrammar.IsDigit(s[pos])) pos++;
            if (!SipGrammar.TryParseUInt32(s[digitsStart..pos], out uint p) || p > 65535) return false;
            port = (int)p;
        }
        return true;
    }

    private static bool IsIPv4(ReadOnlySpan<byte> s)
    {
        int dots = 0, digits = 0;
        foreach (byte c in s)
        {
            if (c == '.') { if (digits == 0) return false; dots++; digits = 0; }
            else if (SipGrammar.IsDigit(c)) { if (++digits > 3) return false; }
            else return false;
        }
        return dots == 3 && digits > 0;
    }
}
