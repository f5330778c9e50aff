using System.Buffers;
using System.Text;

namespace VoipCore.Sip;

/// <summary>Turns wire slices into strings on request: UTF-8 decoding, %HH unescaping, quoted-string unquoting.</summary>
public static class SipText
{
    /// <summary>Decodes UTF-8 bytes as they are, with folded line breaks replaced by single spaces.</summary>
    public static string Decode(ReadOnlySpan<byte> s) =>
        s.IndexOfAny((byte)'\r', (byte)'\n') < 0 ? Encoding.UTF8.GetString(s) : Unfold(s);

    private static string Unfold(ReadOnlySpan<byte> s)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(s.Length);
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] is (byte)'\r' or (byte)'\n')
            {
                // A fold (CRLF followed by white space) counts as one SP.
                while (i + 1 < s.Length && SipGrammar.IsWhite(s[i + 1])) i++;
                rented[n++] = (byte)' ';
            }
            else rented[n++] = s[i];
        }
        string result = Encoding.UTF8.GetString(rented, 0, n);
        ArrayPool<byte>.Shared.Return(rented);
        return result;
    }

    /// <summary>Decodes %HH escapes (e.g. in a URI user part) and returns the UTF-8 text; invalid escapes stay literal.</summary>
    public static string Unescape(ReadOnlySpan<byte> s)
    {
        if (s.IndexOf((byte)'%') < 0) return Encoding.UTF8.GetString(s);
        byte[] rented = ArrayPool<byte>.Shared.Rent(s.Length);
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && SipGrammar.IsHex(s[i + 1]) && SipGrammar.IsHex(s[i + 2]))
            {
                rented[n++] = (byte)(HexValue(s[i + 1]) << 4 | HexValue(s[i + 2]));
                i += 2;
            }
            else rented[n++] = s[i];
        }
        string result = Encoding.UTF8.GetString(rented, 0, n);
        ArrayPool<byte>.Shared.Return(rented);
        return result;
    }

    /// <summary>
    /// The text of a display name or parameter value: a quoted string loses its quotes and quoted-pair
    /// backslashes; anything else is returned as is (folds collapsed).
    /// </summary>
    public static string Unquote(ReadOnlySpan<byte> s)
    {
        s = SipGrammar.Trim(s);
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"') return Decode(s);
        s = s[1..^1];
        if (s.IndexOf((byte)'\\') < 0) return Decode(s);
        byte[] rented = ArrayPool<byte>.Shared.Rent(s.Length);
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length) i++;
            rented[n++] = s[i];
        }
        string result = Decode(rented.AsSpan(0, n));
        ArrayPool<byte>.Shared.Return(rented);
        return result;
    }

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
