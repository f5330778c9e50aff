namespace VoipCore.Sip;

/// <summary>
/// A run of <c>;name[=value]</c> parameters (header parameters, Via parameters or URI parameters) kept as one
/// slice and enumerated without allocating. White space around ';' and '=' is allowed (header grammar);
/// URI parameters never contain any, as the URI parser rejects white space.
/// </summary>
public readonly struct SipParameterList
{
    private readonly ReadOnlyMemory<byte> _text;
    private readonly bool _uriStyle;

    /// <summary>Wraps a slice that is empty or starts with ';'.</summary>
    /// <param name="text">The parameters.</param>
    /// <param name="uriStyle">True for URI parameters, whose names and values are any characters up to the next ';' or '='.</param>
    public SipParameterList(ReadOnlyMemory<byte> text, bool uriStyle = false)
    {
        _text = text;
        _uriStyle = uriStyle;
    }

    /// <summary>The parameters exactly as received, starting with ';' (or empty).</summary>
    public ReadOnlyMemory<byte> Raw => _text;

    /// <summary>True when there is no parameter at all.</summary>
    public bool IsEmpty => _text.IsEmpty;

    /// <summary>Finds a parameter by case-insensitive name.</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out SipParameter parameter)
    {
        foreach (SipParameter p in this)
        {
            if (p.NameIs(name)) { parameter = p; return true; }
        }
        parameter = default;
        return false;
    }

    /// <summary>True when a parameter of that name is present, with or without a value.</summary>
    public bool Contains(ReadOnlySpan<byte> name) => TryGet(name, out _);

    /// <summary>The value of a parameter, or empty if absent or valueless.</summary>
    public ReadOnlyMemory<byte> GetValue(ReadOnlySpan<byte> name) => TryGet(name, out SipParameter p) ? p.Value : default;

    /// <summary>Checks the list against <c>*( SEMI token [ EQUAL ( token / host / quoted-string ) ] )</c>.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> s) => IsWellFormed(s, default, out _, out _);

    /// <summary>
    /// <see cref="IsWellFormed(ReadOnlySpan{byte})"/> that also finds the first parameter named <paramref name="wanted"/>
    /// in the same pass, so a header parser can keep e.g. the tag or branch without enumerating the list again.
    /// </summary>
    internal static bool IsWellFormed(ReadOnlySpan<byte> s, ReadOnlySpan<byte> wanted, out Range wantedValue, out bool found)
    {
        wantedValue = default;
        found = false;
        int pos = 0;
        while (true)
        {
            pos = SipGrammar.SkipWhite(s, pos);
            if (pos == s.Length) return true;
            if (!TryReadOne(s, ref pos, false, out Range name, out Range value, out _)) return false;
            if (!found && System.Text.Ascii.EqualsIgnoreCase(s[name], wanted))
            {
                found = true;
                wantedValue = value;
            }
        }
    }

    /// <summary>Reads one parameter starting at a ';' (white space skipped); positions are relative to <paramref name="s"/>.</summary>
    internal static bool TryReadOne(ReadOnlySpan<byte> s, ref int pos, bool uriStyle, out Range name, out Range value, out bool hasValue)
    {
        name = value = default;
        hasValue = false;
        pos = SipGrammar.SkipWhite(s, pos);
        if (pos >= s.Length || s[pos] != ';') return false;
        if (uriStyle) return TryReadUriStyle(s, ref pos, out name, out value, out hasValue);
        pos = SipGrammar.SkipWhite(s, pos + 1);
        int nameStart = pos;
        pos = SipGrammar.SkipToken(s, pos);
        if (pos == nameStart) return false;
        name = nameStart..pos;
        int afterName = pos;
        pos = SipGrammar.SkipWhite(s, pos);
        if (pos < s.Length && s[pos] == '=')
        {
            hasValue = true;
            pos = SipGrammar.SkipWhite(s, pos + 1);
            int valueStart = pos;
            if (pos < s.Length && s[pos] == '"')
            {
                pos = SipGrammar.SkipQuoted(s, pos);
                if (pos < 0) return false;
            }
            else if (pos < s.Length && s[pos] == '[')
            {
                int close = s[pos..].IndexOf((byte)']');
                if (close < 0) return false;
                pos += close + 1;
            }
            else
            {
                // token / host; ':' admits IPv6 and host:port-like values seen in the wild.
                while (pos < s.Length && (SipGrammar.IsTokenChar(s[pos]) || s[pos] == ':')) pos++;
                if (pos == valueStart) return false;
            }
            value = valueStart..pos;
        }
        else pos = afterName;
        int next = SipGrammar.SkipWhite(s, pos);
        return next == s.Length || s[next] == ';';
    }

    private static bool TryReadUriStyle(ReadOnlySpan<byte> s, ref int pos, out Range name, out Range value, out bool hasValue)
    {
        int start = pos + 1;
        int end = s[start..].IndexOf((byte)';');
        end = end < 0 ? s.Length : start + end;
        int eq = s[start..end].IndexOf((byte)'=');
        hasValue = eq >= 0;
        name = start..(hasValue ? start + eq : end);
        value = hasValue ? (start + eq + 1)..end : end..end;
        pos = end;
        return name.End.Value > start;
    }

    /// <summary>Returns an allocation-free enumerator over the parameters.</summary>
    public Enumerator GetEnumerator() => new(_text, _uriStyle);

    /// <summary>Enumerates parameters; stops at the first malformed one.</summary>
    public struct Enumerator
    {
        private readonly ReadOnlyMemory<byte> _text;
        private readonly bool _uriStyle;
        private int _pos;

        internal Enumerator(ReadOnlyMemory<byte> text, bool uriStyle)
        {
            _text = text;
            _uriStyle = uriStyle;
            _pos = 0;
            Current = default;
        }

        /// <summary>The current parameter.</summary>
        public SipParameter Current { get; private set; }

        /// <summary>Advances to the next parameter.</summary>
        public bool MoveNext()
        {
            if (!TryReadOne(_text.Span, ref _pos, _uriStyle, out Range name, out Range value, out bool hasValue))
                return false;
            Current = new SipParameter(_text[name], _text[value], hasValue);
            return true;
        }
    }
}
