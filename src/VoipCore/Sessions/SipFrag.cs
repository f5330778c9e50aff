using System.Globalization;

namespace VoipCore.Sessions;

/// <summary>The message/sipfrag bodies of REFER progress NOTIFYs (RFC 3515, RFC 3420): just a status line.</summary>
public static class SipFrag
{
    public const string ContentType = "message/sipfrag;version=2.0";

    public static string Of(int code, string reason) => $"SIP/2.0 {code.ToString(CultureInfo.InvariantCulture)} {reason}\r\n";

    /// <summary>Reads "SIP/2.0 180 Ringing"; false when the body does not start with a status line.</summary>
    public static bool TryParse(string body, out int code, out string reason)
    {
        code = 0;
        reason = "";
        string line = body.Split('\n')[0].Trim();
        var parts = line.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out code) || code is < 100 or > 699)
        {
            return false;
        }
        reason = parts.Length > 2 ? parts[2] : "";
        return true;
    }
}
