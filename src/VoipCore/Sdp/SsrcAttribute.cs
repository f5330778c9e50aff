using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary><c>a=ssrc:&lt;ssrc-id&gt; &lt;attribute&gt;[:&lt;value&gt;]</c> (RFC 5576), e.g. <c>ssrc:1234 cname:abc</c>.</summary>
public sealed record SsrcAttribute(uint Ssrc, string Name, string? Value)
{
    public const string AttributeName = "ssrc";

    public static bool TryParse(string? value, [NotNullWhen(true)] out SsrcAttribute? ssrc)
    {
        ssrc = null;
        if (value is null)
        {
            return false;
        }
        var idText = SdpText.FirstToken(value, out var rest);
        if (!SdpText.TryUInt(idText, out var id) || rest.Length == 0)
        {
            return false;
        }
        var colon = rest.IndexOf(':');
        ssrc = colon < 0 ? new SsrcAttribute(id, rest, null) : new SsrcAttribute(id, rest[..colon], rest[(colon + 1)..]);
        return true;
    }

    public override string ToString() => Value is null ? $"{Ssrc} {Name}" : $"{Ssrc} {Name}:{Value}";
}
