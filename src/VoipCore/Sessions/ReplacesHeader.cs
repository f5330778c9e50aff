using System.Text;

namespace VoipCore.Sessions;

/// <summary>
/// The Replaces header (RFC 3891): which dialog a new INVITE takes over. <see cref="ToTag"/> is the local tag of
/// that dialog at the INVITE's recipient and <see cref="FromTag"/> its remote tag.
/// </summary>
public sealed record ReplacesHeader(string CallId, string ToTag, string FromTag, bool EarlyOnly)
{
    /// <summary>Reads "callid;to-tag=a;from-tag=b[;early-only]"; null when a part is missing.</summary>
    public static ReplacesHeader? Parse(string value)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        string? to = null, from = null;
        bool earlyOnly = false;
        foreach (var part in parts.AsSpan(1))
        {
            int eq = part.IndexOf('=');
            string name = (eq < 0 ? part : part[..eq]).ToLowerInvariant();
            string argument = eq < 0 ? "" : part[(eq + 1)..];
            switch (name)
            {
                case "to-tag":
                    to = argument;
                    break;
                case "from-tag":
                    from = argument;
                    break;
                case "early-only":
                    earlyOnly = true;
                    break;
            }
        }
        return parts[0].Length == 0 || to is null || from is null ? null : new ReplacesHeader(parts[0], to, from, earlyOnly);
    }

    public override string ToString() => $"{CallId};to-tag={ToTag};from-tag={FromTag}" + (EarlyOnly ? ";early-only" : "");

    /// <summary>The header as a URI header of a Refer-To (RFC 3261 19.1.1): "?Replaces=" with the value escaped.</summary>
    public string AsUriHeader() => "?Replaces=" + Uri.EscapeDataString(ToString());

    /// <summary>Splits "sip:c@host?Replaces=..." (angle brackets already removed) into the URI and its Replaces, if any.</summary>
    public static (string Uri, ReplacesHeader? Replaces) FromReferTarget(string target)
    {
        int question = target.IndexOf('?');
        if (question < 0)
        {
            return (target, null);
        }
        ReplacesHeader? replaces = null;
        foreach (var header in target[(question + 1)..].Split('&'))
        {
            int eq = header.IndexOf('=');
            if (eq > 0 && header[..eq].Equals("Replaces", StringComparison.OrdinalIgnoreCase))
            {
                replaces = Parse(Uri.UnescapeDataString(header[(eq + 1)..]));
            }
        }
        return (target[..question], replaces);
    }
}
