namespace VoipCore.Sip;

/// <summary>
/// Character classes and small scanners of the RFC 3261 grammar, shared by every header parser.
/// Inside one header value any CR or LF is part of a folded line (the message indexer already split lines
/// at CRLF not followed by white space), so skipping linear white space skips SP, HTAB, CR and LF alike.
/// </summary>
internal static class SipGrammar
{
    private static readonly bool[] TokenChars = BuildTable("-.!%*_+`'~");

    private static bool[] BuildTable(string extra)
    {
        var table = new bool[256];
        for (int c = '0'; c <= '9'; c++) table[c] = true;
        for (int c = 'a'; c <= 'z'; c++) table[c] = true;
        for (int c = 'A'; c <= 'Z'; c++) table[c] = true;
        foreach (char c in extra) table[c] = true;
        return table;
    }

    public static bool IsTokenChar(byte c) => TokenChars[c];

    public static bool IsWhite(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    public static bool IsHex(byte c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 5;

    public static bool IsToken(ReadOnlySpan<byte> s) => s.Length > 0 && s.IndexOfAnyExcept(TokenSearch) < 0;

    private static readonly System.Buffers.SearchValues<byte> TokenSearch =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.!%*_+`'~"u8);

    public static int SkipWhite(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && IsWhite(s[pos])) pos++;
        return pos;
    }

    public static int SkipToken(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && TokenChars[s[pos]]) pos++;
        return pos;
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int start = SkipWhite(s, 0);
        int end = s.Length;
        while (end > start && IsWhite(s[end - 1])) end--;
        return s[start..end];
    }

    /// <summary>Trims white space of a slice, keeping it a slice of the same buffer.</summary>
    public static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> m)
    {
        ReadOnlySpan<byte> s = m.Span;
        int start = SkipWhite(s, 0);
        int end = s.Length;
        while (end > start && IsWhite(s[end - 1])) end--;
        return m[start..end];
    }

    /// <summary>
    /// Given <paramref name="pos"/> at an opening quote, returns the index just past the closing quote,
    /// or -1 if the quoted string is not terminated. Quoted pairs (backslash + any byte but CR/LF) are skipped.
    /// </summary>
    public static int SkipQuoted(ReadOnlySpan<byte> s, int pos)
    {
        for (pos++; pos < s.Length; pos += 2)
        {
            int next = s[pos..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0) return -1;
            pos += next;
            if (s[pos] == '"') return pos + 1;
            if (pos + 1 >= s.Length || s[pos + 1] is (byte)'\r' or (byte)'\n') return -1;
        }
        return -1;
    }

    /// <summary>
    /// Index of the first <paramref name="target"/> not inside a quoted string or angle brackets, or -1.
    /// Returns -2 when quotes or brackets are unbalanced. Jumps between the bytes that matter with vectorized
    /// searches, since header values are mostly plain text.
    /// </summary>
    public static int IndexOfUnquoted(ReadOnlySpan<byte> s, byte target, int pos = 0)
    {
        bool inAngle = false;
        while (pos < s.Length)
        {
            int next = inAngle ? s[pos..].IndexOfAny((byte)'"', (byte)'>') : s[pos..].IndexOfAny((byte)'"', target, (byte)'<');
            if (next < 0) break;
            pos += next;
            byte c = s[pos];
            if (c == '"')
            {
                pos = SkipQuoted(s, pos);
                if (pos < 0) return -2;
                continue;
            }
            if (inAngle) inAngle = false;
            else if (c == target) return pos;
            else inAngle = true;
            pos++;
        }
        return inAngle ? -2 : -1;
    }

    /// <summary>Parses 1*DIGIT into an unsigned 32-bit value; false on empty, non-digits or overflow.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> s, out uint value)
    {
        value = 0;
        if (s.IsEmpty) return false;
        ulong v = 0;
        foreach (byte c in s)
        {
            if (!IsDigit(c)) return false;
            v = v * 10 + (uint)(c - '0');
            if (v > uint.MaxValue) return false;
        }
        value = (uint)v;
        return true;
    }

    /// <summary>True when every '%' in <paramref name="s"/> starts a valid %HH escape.</summary>
    public static bool EscapesAreValid(ReadOnlySpan<byte> s)
    {
        int i = s.IndexOf((byte)'%');
        while (i >= 0)
        {
            if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
            int next = s[(i + 3)..].IndexOf((byte)'%');
            i = next < 0 ? -1 : i + 3 + next;
        }
        return true;
    }
}
