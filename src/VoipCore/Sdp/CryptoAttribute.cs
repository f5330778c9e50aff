using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary>
/// <c>a=crypto:&lt;tag&gt; &lt;crypto-suite&gt; &lt;key-params&gt; [&lt;session-params&gt;]</c> (SDES, RFC 4568).
/// Only split into fields; the SRTP layer interprets them.
/// </summary>
public sealed record CryptoAttribute(int Tag, string Suite, string KeyParams, string? SessionParams = null)
{
    public const string AttributeName = "crypto";

    public static bool TryParse(string? value, [NotNullWhen(true)] out CryptoAttribute? crypto)
    {
        crypto = null;
        var tokens = value is null ? [] : SdpText.Tokens(value);
        if (tokens.Length < 3 || !SdpText.TryInt(tokens[0], out var tag))
        {
            return false;
        }
        var sessionParams = tokens.Length > 3 ? string.Join(' ', tokens, 3, tokens.Length - 3) : null;
        crypto = new CryptoAttribute(tag, tokens[1], tokens[2], sessionParams);
        return true;
    }

    public override string ToString() =>
        SessionParams is null ? $"{Tag} {Suite} {KeyParams}" : $"{Tag} {Suite} {KeyParams} {SessionParams}";
}
