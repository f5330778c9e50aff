using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary><c>a=fingerprint:&lt;hash function&gt; &lt;hex pairs&gt;</c> (RFC 8122), e.g. <c>sha-256 AB:CD:...</c>.</summary>
public sealed record FingerprintAttribute(string HashFunction, string Fingerprint)
{
    public const string AttributeName = "fingerprint";

    public static bool TryParse(string? value, [NotNullWhen(true)] out FingerprintAttribute? fingerprint)
    {
        fingerprint = null;
        var tokens = value is null ? [] : SdpText.Tokens(value);
        if (tokens.Length != 2)
        {
            return false;
        }
        fingerprint = new FingerprintAttribute(tokens[0], tokens[1]);
        return true;
    }

    public override string ToString() => $"{HashFunction} {Fingerprint}";
}
