using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary>
/// <c>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]</c>.
/// </summary>
/// <param name="Channels">Audio channels; null when the line has none (which means one for audio).</param>
public sealed record RtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    public const string AttributeName = "rtpmap";

    /// <summary>The channel count with the RFC 4566 default of one applied.</summary>
    public int ChannelCount => Channels ?? 1;

    /// <summary>
    /// True if both describe the same codec: encoding names compare case-insensitively (RFC 4855
    /// section 3), clock rates and channel counts exactly.
    /// </summary>
    public bool IsSameCodec(string encodingName, int clockRate, int channels) =>
        string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase)
        && ClockRate == clockRate
        && ChannelCount == channels;

    /// <summary>Reads the attribute value (the text after <c>rtpmap:</c>).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out RtpMap? rtpMap)
    {
        rtpMap = null;
        if (value is null)
        {
            return false;
        }
        var ptText = SdpText.FirstToken(value, out var encoding);
        if (!SdpText.TryPayloadType(ptText, out var payloadType))
        {
            return false;
        }
        var parts = encoding.Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !SdpText.TryInt(parts[1], out var clockRate) || clockRate == 0)
        {
            return false;
        }
        int? channels = null;
        if (parts.Length == 3)
        {
            if (!SdpText.TryInt(parts[2], out var count) || count == 0)
            {
                return false;
            }
            channels = count;
        }
        rtpMap = new RtpMap(payloadType, parts[0], clockRate, channels);
        return true;
    }

    /// <summary>The attribute value, as written after <c>rtpmap:</c>.</summary>
    public override string ToString() =>
        Channels is int channels
            ? $"{PayloadType} {EncodingName}/{ClockRate}/{channels}"
            : $"{PayloadType} {EncodingName}/{ClockRate}";
}
