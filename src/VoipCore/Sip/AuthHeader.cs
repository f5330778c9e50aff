namespace VoipCore.Sip;

/// <summary>
/// An Authorization / Proxy-Authorization / WWW-Authenticate / Proxy-Authenticate value: a scheme followed by
/// comma-separated <c>name=value</c> auth-params (values may be quoted). Interpretation is the Auth layer's job.
/// </summary>
public readonly struct AuthHeader
{
    /// <summary>The scheme token (e.g. "Digest").</summary>
    public ReadOnlyMemory<byte> Scheme { get; private init; }

    /// <summary>Everything after the scheme: the auth-params (or a token68 blob), as received.</summary>
    public ReadOnlyMemory<byte> ParametersText { get; private init; }

    /// <summary>Parses the scheme and checks that the rest is a well-formed auth-param list.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out AuthHeader auth)
    {
        auth = default;
        ReadOnlySpan<byte> s = value.Span;
        int start = SipGrammar.SkipWhite(s, 0);
        int end = SipGrammar.SkipToken(s, start);
        if (end == start || (end < s.Length && !SipGrammar.IsWhite(s[end]))) return false;
        auth = new AuthHeader { Scheme = value[start..end], ParametersText = SipGrammar.Trim(value[end..]) };
        return true;
    }

    /// <summary>Finds an auth-param by case-insensitive name; its value keeps quotes (see <see cref="SipText.Unquote"/>).</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
    {
        foreach (SipParameter p in Parameters)
        {
            if (p.NameIs(name)) { value = p.Value; return true; }
        }
        value = default;
        return false;
    }

    /// <summary>The auth-params in order, without allocating.</summary>
    public Enumerator Parameters => new(ParametersText);

    /// <summary>Enumerates <c>name = value</c> pairs separated by commas; stops at the first malformed pair.</summary>
    public struct Enumerator
    {
        private readonly ReadOnlyMemory<byte> _text;
        private int _pos;

        internal Enumerator(ReadOnlyMemory<byte> text)
        {
            _text = text;
            _pos = 0;
            Current = default;
        }

        /// <summary>The current parameter.</summary>
        public SipParameter Current { get; private set; }

        /// <summary>Allows <c>foreach</c>.</summary>
        public readonly Enumerator GetEnumerator() => this;

        /// <summary>Advances to the next auth-param.</summary>
        public bool MoveNext()
        {
            ReadOnlySpan<byte> s = _text.Span;
            int pos = SipGrammar.SkipWhite(s, _pos);
            if (pos < s.Length && s[pos] == ',') pos = SipGrammar.SkipWhite(s, pos + 1);
            if (pos >= s.Length) return false;
            int nameStart = pos;
            pos = SipGrammar.SkipToken(s, pos);
            if (pos == nameStart) return false;
            int nameEnd = pos;
            pos = SipGrammar.SkipWhite(s, pos);
            if (pos >= s.Length || s[pos] != '=')
            {
                // A token68-style blob (or a valueless token): expose it as a name without value.
                Current = new SipParameter(_text[nameStart..nameEnd], default, false);
                _pos = nameEnd;
                return true;
            }
            pos = SipGrammar.SkipWhite(s, pos + 1);
            int valueStart = pos;
            if (pos < s.Length && s[pos] == '"')
            {
                pos = SipGrammar.SkipQuoted(s, pos);
                if (pos < 0) return false;
            }
            else
            {
                int comma = s[pos..].IndexOf((byte)',');
                pos = comma < 0 ? s.Length : pos + comma;
                while (pos > valueStart && SipGrammar.IsWhite(s[pos - 1])) pos--;
            }
            Current = new SipParameter(_text[nameStart..nameEnd], _text[valueStart..pos], true);
            _pos = pos;
            return true;
        }
    }
}
