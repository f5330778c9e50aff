using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary><c>a=fmtp:&lt;format&gt; &lt;format specific parameters&gt;</c> for an RTP payload type.</summary>
/// <param name="Parameters">The parameter text exactly as written; its syntax belongs to the codec.</param>
public sealed record Fmtp(int PayloadType, string Parameters)
{
    public const string AttributeName = "fmtp";

    /// <summary>The parameters read as the common <c>key=value;...</c> list.</summary>
    public FmtpParameters ParameterList => FmtpParameters.Parse(Parameters);

    /// <summary>Reads the attribute value (the text after <c>fmtp:</c>).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out Fmtp? fmtp)
    {
        fmtp = null;
        if (value is null)
        {
            return false;
        }
        var ptText = SdpText.FirstToken(value, out var parameters);
        if (!SdpText.TryPayloadType(ptText, out var payloadType))
        {
            return false;
        }
        fmtp = new Fmtp(payloadType, parameters);
        return true;
    }

    /// <summary>The attribute value, as written after <c>fmtp:</c>.</summary>
    public override string ToString() => $"{PayloadType} {Parameters}";
}
