namespace VoipCore.Sip;

/// <summary>
/// A From/To/Contact/Route-style value: <c>[display-name] &lt;URI&gt; *(;param)</c> or a bare addr-spec
/// <c>URI *(;param)</c>. In the bare form the parameters belong to the header, not to the URI (RFC 3261 20),
/// so a bare URI ends at the first ';' and may not contain '?' or ','.
/// </summary>
public readonly struct NameAddress
{
    /// <summary>The display name as received (quoted string or tokens), empty if absent.</summary>
    public ReadOnlyMemory<byte> DisplayName { get; private init; }

    /// <summary>The URI.</summary>
    public SipUri Uri { get; private init; }

    /// <summary>True when the URI was enclosed in angle brackets.</summary>
    public bool IsNameAddr { get; private init; }

    /// <summary>True for the Contact wildcard <c>*</c>.</summary>
    public bool IsWildcard { get; private init; }

    /// <summary>Header parameters after the address (tag, expires, q, ...).</summary>
    public SipParameterList Parameters { get; private init; }

    /// <summary>The tag parameter, or empty if there is none (found while the parameters are checked).</summary>
    public ReadOnlyMemory<byte> Tag { get; private init; }

    /// <summary>True when a tag parameter is present.</summary>
    public bool HasTag { get; private init; }

    /// <summary>The display name without quotes and escapes, or null if absent.</summary>
    public string? GetDisplayName() => DisplayName.IsEmpty ? null : SipText.Unquote(DisplayName.Span);

    /// <summary>Parses one value without allocating; false if it is malformed.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out NameAddress address)
    {
        address = default;
        ReadOnlySpan<byte> s = value.Span;
        int pos = SipGrammar.SkipWhite(s, 0);
        int end = s.Length;
        while (end > pos && SipGrammar.IsWhite(s[end - 1])) end--;
        if (end == pos) return false;
        if (end - pos == 1 && s[pos] == '*')
        {
            address = new NameAddress { IsWildcard = true };
            return true;
        }

        int displayStart = pos, displayEnd = pos;
        if (s[pos] == '"')
        {
            pos = SipGrammar.SkipQuoted(s, pos);
            if (pos < 0) return false;
            displayEnd = pos;
            pos = SipGrammar.SkipWhite(s, pos);
            if (pos >= end || s[pos] != '<') return false;
        }
        else
        {
            // *(token LWS) before '<'; if no '<' follows, this is a bare addr-spec.
            int scan = pos;
            while (scan < end && SipGrammar.IsTokenChar(s[scan]))
            {
                scan = SipGrammar.SkipToken(s, scan);
                displayEnd = scan;
                scan = SipGrammar.SkipWhite(s, scan);
            }
            if (scan < end && s[scan] == '<') pos = scan;
            else
            {
                displayEnd = displayStart;
                return TryParseAddrSpec(value, pos, end, out address);
            }
        }

        // LAQUOT addr-spec RAQUOT: no white space is allowed inside the brackets.
        int close = s[pos..end].IndexOf((byte)'>');
        if (close < 0) return false;
        ReadOnlyMemory<byte> uriText = value.Slice(pos + 1, close - 1);
        if (!SipUri.TryParse(uriText, out SipUri uri)) return false;
        int paramStart = pos + close + 1;
        if (!TryReadParameters(value, paramStart, end, out SipParameterList parameters, out ReadOnlyMemory<byte> tag, out bool hasTag))
            return false;
        address = new NameAddress
        {
            DisplayName = value[displayStart..displayEnd], Uri = uri, IsNameAddr = true,
            Parameters = parameters, Tag = tag, HasTag = hasTag,
        };
        return true;
    }

    private static bool TryParseAddrSpec(ReadOnlyMemory<byte> value, int start, int end, out NameAddress address)
    {
        address = default;
        ReadOnlySpan<byte> s = value.Span;
        int semi = s[start..end].IndexOf((byte)';');
        int paramStart = semi < 0 ? end : start + semi;
        int uriEnd = paramStart;
        while (uriEnd > start && SipGrammar.IsWhite(s[uriEnd - 1])) uriEnd--;
        ReadOnlySpan<byte> uriBytes = s[start..uriEnd];
        if (uriBytes.IndexOfAny((byte)'?', (byte)',') >= 0 || uriBytes.IndexOfAny(" \t\r\n"u8) >= 0) return false;
        if (!SipUri.TryParse(value[start..uriEnd], out SipUri uri)) return false;
        if (!TryReadParameters(value, paramStart, end, out SipParameterList parameters, out ReadOnlyMemory<byte> tag, out bool hasTag))
            return false;
        address = new NameAddress { Uri = uri, Parameters = parameters, Tag = tag, HasTag = hasTag };
        return true;
    }

    /// <summary>Checks the header parameters, finding the tag in the same pass.</summary>
    private static bool TryReadParameters(ReadOnlyMemory<byte> value, int start, int end,
        out SipParameterList parameters, out ReadOnlyMemory<byte> tag, out bool hasTag)
    {
        ReadOnlyMemory<byte> text = value[start..end];
        bool ok = SipParameterList.IsWellFormed(text.Span, "tag"u8, out Range tagRange, out hasTag);
        parameters = new SipParameterList(text);
        tag = ok ? text[tagRange] : default;
        return ok;
    }
}
