using VoipCore.Sip;

namespace VoipCore.Sessions;

/// <summary>The option tags of Require and Supported headers (RFC 3261 19.2), and the ones our calls speak.</summary>
internal static class OptionTags
{
    /// <summary>Reliable provisional responses (RFC 3262).</summary>
    public const string Reliable = "100rel";

    /// <summary>Session timers (RFC 4028).</summary>
    public const string Timer = "timer";

    /// <summary>What our INVITEs and dialog-creating responses list in Supported.</summary>
    public const string OurSupported = "replaces, 100rel, timer";

    /// <summary>True when <paramref name="header"/> (a comma-separated list) names <paramref name="tag"/>.</summary>
    public static bool Lists(SipMessage message, HeaderId header, string tag)
    {
        foreach (var value in message.GetValues(header))
        {
            if (SipText.Decode(value.Span).Trim().Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
