using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Auth;

/// <summary>
/// Parses the value of WWW-Authenticate, Proxy-Authenticate, Authorization and Proxy-Authorization
/// (RFC 7235 section 2.1 / RFC 3261 section 25.1): a comma list of schemes, each followed by a token68
/// or by <c>name=token</c> / <c>name="quoted string"</c> parameters in any order.
/// </summary>
internal static class AuthParamParser
{
    public static bool TryParse(string text, out List<AuthScheme> schemes, [NotNullWhen(false)] out string? error)
    {
        schemes = [];
        error = null;
        AuthScheme? current = null;
        var i = 0;
        while (true)
        {
            SkipListSeparators(text, ref i);
            if (i >= text.Length)
            {
                break;
            }

            var name = ReadToken(text, ref i);
            if (name.Length == 0)
            {
                error = $"unexpected character '{text[i]}' at offset {i}";
                return false;
            }

            SkipWhitespace(text, ref i);
            var isParameter = i < text.Length && text[i] == '=';
            if (!isParameter)
            {
                current = new AuthScheme(name);
                schemes.Add(current);
                // Only Digest matters here; a token68 (Basic, Negotiate) is stepped over.
                SkipToken68(text, ref i);
                continue;
            }

            if (current is null)
            {
                error = $"parameter '{name}' appears before any auth scheme";
                return false;
            }

            i++; // '='
            SkipWhitespace(text, ref i);
            if (!TryReadValue(text, ref i, out var value, out error))
            {
                error = $"parameter '{name}': {error}";
                return false;
            }
            if (!current.TryAdd(name, value))
            {
                error = $"parameter '{name}' appears twice";
                return false;
            }

            SkipWhitespace(text, ref i);
            if (i < text.Length && text[i] != ',')
            {
                error = $"expected ',' after parameter '{name}' at offset {i}";
                return false;
            }
        }

        if (schemes.Count == 0)
        {
            error = "no auth scheme";
            return false;
        }
        return true;
    }

    private static bool TryReadValue(string text, ref int i, out string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (i < text.Length && text[i] == '"')
        {
            return TryReadQuoted(text, ref i, out value, out error);
        }
        value = ReadToken(text, ref i);
        if (value.Length == 0)
        {
            error = "missing value";
            return false;
        }
        return true;
    }

    private static bool TryReadQuoted(string text, ref int i, out string value, [NotNullWhen(false)] out string? error)
    {
        var start = ++i; // past the opening quote
        var end = text.IndexOfAny(['"', '\\'], start);
        if (end >= 0 && text[end] == '"')
        {
            // Common case: no escapes, take the slice as is.
            value = text[start..end];
            i = end + 1;
            error = null;
            return true;
        }

        var builder = new System.Text.StringBuilder();
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                value = builder.ToString();
                error = null;
                return true;
            }
            if (c == '\\' && ++i == text.Length)
            {
                break;
            }
            builder.Append(text[i]);
        }
        value = "";
        error = "unterminated quoted string";
        return false;
    }

    /// <summary>
    /// Steps over a token68 right after a scheme name. It is told apart from a parameter name by what follows
    /// it: only '=' padding, then a comma or the end.
    /// </summary>
    private static void SkipToken68(string text, ref int i)
    {
        var j = i;
        while (j < text.Length && IsToken68Char(text[j]))
        {
            j++;
        }
        if (j == i)
        {
            return;
        }
        while (j < text.Length && text[j] == '=')
        {
            j++;
        }
        SkipWhitespace(text, ref j);
        if (j == text.Length || text[j] == ',')
        {
            i = j;
        }
    }

    private static string ReadToken(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && IsTokenChar(text[i]))
        {
            i++;
        }
        return text[start..i];
    }

    private static void SkipWhitespace(string text, ref int i)
    {
        // CR and LF are accepted too: a header parser may hand over a folded value unchanged.
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }
    }

    private static void SkipListSeparators(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n' or ',')
        {
            i++;
        }
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.'
            or '^' or '_' or '`' or '|' or '~';

    private static bool IsToken68Char(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/';
}
