using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary><c>a=rtcp:&lt;port&gt; [&lt;nettype&gt; &lt;addrtype&gt; &lt;address&gt;]</c> (RFC 3605): where RTCP goes when not RTP port + 1.</summary>
public sealed record RtcpAttribute(int Port, string? NetType = null, string? AddressType = null, string? Address = null)
{
    public const string AttributeName = "rtcp";

    /// <summary>Reads the attribute value; the address part must be complete or absent.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out RtcpAttribute? rtcp)
    {
        rtcp = null;
        if (value is null)
        {
            return false;
        }
        var tokens = SdpText.Tokens(value);
        if (tokens.Length is not (1 or 4) || !SdpText.TryPort(tokens[0], out var port))
        {
            return false;
        }
        rtcp = tokens.Length == 1 ? new RtcpAttribute(port) : new RtcpAttribute(port, tokens[1], tokens[2], tokens[3]);
        return true;
    }

    public override string ToString() => Address is null ? Port.ToString() : $"{Port} {NetType} {AddressType} {Address}";
}
