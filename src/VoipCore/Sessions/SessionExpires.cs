using System.Globalization;

namespace VoipCore.Sessions;

/// <summary>A Session-Expires header value (RFC 4028 4): the interval in seconds and, when named, the refresher.</summary>
public readonly record struct SessionExpires(int Seconds, SessionRefresher? Refresher)
{
    /// <summary>The smallest interval we accept, and announce in Min-SE with a 422 (RFC 4028 4 recommends 90 s).</summary>
    public const int MinimumSeconds = 90;

    /// <summary>Reads "1800;refresher=uac" (parameters other than refresher are ignored); false when the value is not one.</summary>
    public static bool TryParse(string value, out SessionExpires result)
    {
        result = default;
        string[] parts = value.Split(';');
        if (!int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) || seconds <= 0)
        {
            return false;
        }
        SessionRefresher? refresher = null;
        for (int i = 1; i < parts.Length; i++)
        {
            string[] pair = parts[i].Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("refresher", StringComparison.OrdinalIgnoreCase))
            {
                string who = pair[1].Trim();
                refresher = who.Equals("uac", StringComparison.OrdinalIgnoreCase) ? SessionRefresher.Uac
                    : who.Equals("uas", StringComparison.OrdinalIgnoreCase) ? SessionRefresher.Uas
                    : null;
            }
        }
        result = new SessionExpires(seconds, refresher);
        return true;
    }

    /// <summary>The header value: "1800" or "1800;refresher=uas".</summary>
    public override string ToString() => Refresher is { } who
        ? $"{Seconds.ToString(CultureInfo.InvariantCulture)};refresher={(who == SessionRefresher.Uac ? "uac" : "uas")}"
        : Seconds.ToString(CultureInfo.InvariantCulture);
}
