using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary><c>a=group:&lt;semantics&gt; &lt;mid&gt; ...</c> (RFC 5888), e.g. <c>group:BUNDLE 0 1</c> (RFC 9143).</summary>
public sealed record GroupAttribute(string Semantics, IReadOnlyList<string> MediaIds)
{
    public const string AttributeName = "group";
    public const string Bundle = "BUNDLE";

    public static bool TryParse(string? value, [NotNullWhen(true)] out GroupAttribute? group)
    {
        group = null;
        var tokens = value is null ? [] : SdpText.Tokens(value);
        if (tokens.Length == 0)
        {
            return false;
        }
        group = new GroupAttribute(tokens[0], tokens[1..]);
        return true;
    }

    public override string ToString() =>
        MediaIds.Count == 0 ? Semantics : $"{Semantics} {string.Join(' ', MediaIds)}";
}
