using System.Text;

namespace VoipCore.Sip;

/// <summary>Maps header names (any case, long or compact form) to <see cref="HeaderId"/> and back.</summary>
public static class HeaderNames
{
    private static readonly byte[][] Canonical = new byte[(int)HeaderId.WwwAuthenticate + 1][];
    private static readonly HeaderId[] Compact = new HeaderId[128];
    private static readonly bool[] ListValued = new bool[Canonical.Length];
    // Candidates bucketed by name length and case-folded first letter, so a lookup usually compares one name.
    private static readonly HeaderId[][][] ByLengthAndLetter;

    static HeaderNames()
    {
        Define(HeaderId.Accept, "Accept", list: true);
        Define(HeaderId.AcceptEncoding, "Accept-Encoding", list: true);
        Define(HeaderId.AcceptLanguage, "Accept-Language", list: true);
        Define(HeaderId.AlertInfo, "Alert-Info", list: true);
        Define(HeaderId.Allow, "Allow", list: true);
        Define(HeaderId.AllowEvents, "Allow-Events", list: true, compact: 'u');
        Define(HeaderId.AuthenticationInfo, "Authentication-Info");
        Define(HeaderId.Authorization, "Authorization");
        Define(HeaderId.CallId, "Call-ID", compact: 'i');
        Define(HeaderId.CallInfo, "Call-Info", list: true);
        Define(HeaderId.Contact, "Contact", list: true, compact: 'm');
        Define(HeaderId.ContentDisposition, "Content-Disposition");
        Define(HeaderId.ContentEncoding, "Content-Encoding", list: true, compact: 'e');
        Define(HeaderId.ContentLanguage, "Content-Language", list: true);
        Define(HeaderId.ContentLength, "Content-Length", compact: 'l');
        Define(HeaderId.ContentType, "Content-Type", compact: 'c');
        Define(HeaderId.CSeq, "CSeq");
        Define(HeaderId.Date, "Date");
        Define(HeaderId.ErrorInfo, "Error-Info", list: true);
        Define(HeaderId.Event, "Event", compact: 'o');
        Define(HeaderId.Expires, "Expires");
        Define(HeaderId.From, "From", compact: 'f');
        Define(HeaderId.Identity, "Identity", compact: 'y');
        Define(HeaderId.InReplyTo, "In-Reply-To", list: true);
        Define(HeaderId.MaxForwards, "Max-Forwards");
        Define(HeaderId.MimeVersion, "MIME-Version");
        Define(HeaderId.MinExpires, "Min-Expires");
        Define(HeaderId.MinSE, "Min-SE");
        Define(HeaderId.Organization, "Organization");
        Define(HeaderId.PAssertedIdentity, "P-Asserted-Identity", list: true);
        Define(HeaderId.Path, "Path", list: true);
        Define(HeaderId.PPreferredIdentity, "P-Preferred-Identity", list: true);
        Define(HeaderId.Priority, "Priority");
        Define(HeaderId.Privacy, "Privacy");
        Define(HeaderId.ProxyAuthenticate, "Proxy-Authenticate");
        Define(HeaderId.ProxyAuthorization, "Proxy-Authorization");
        Define(HeaderId.ProxyRequire, "Proxy-Require", list: true);
        Define(HeaderId.RAck, "RAck");
        Define(HeaderId.Reason, "Reason", list: true);
        Define(HeaderId.RecordRoute, "Record-Route", list: true);
        Define(HeaderId.ReferredBy, "Referred-By", compact: 'b');
        Define(HeaderId.ReferTo, "Refer-To", compact: 'r');
        Define(HeaderId.Replaces, "Replaces");
        Define(HeaderId.ReplyTo, "Reply-To");
        Define(HeaderId.Require, "Require", list: true);
        Define(HeaderId.RetryAfter, "Retry-After");
        Define(HeaderId.Route, "Route", list: true);
        Define(HeaderId.RSeq, "RSeq");
        Define(HeaderId.Server, "Server");
        Define(HeaderId.ServiceRoute, "Service-Route", list: true);
        Define(HeaderId.SessionExpires, "Session-Expires", compact: 'x');
        Define(HeaderId.Subject, "Subject", compact: 's');
        Define(HeaderId.SubscriptionState, "Subscription-State");
        Define(HeaderId.Supported, "Supported", list: true, compact: 'k');
        Define(HeaderId.Timestamp, "Timestamp");
        Define(HeaderId.To, "To", compact: 't');
        Define(HeaderId.Unsupported, "Unsupported", list: true);
        Define(HeaderId.UserAgent, "User-Agent");
        Define(HeaderId.Via, "Via", list: true, compact: 'v');
        Define(HeaderId.Warning, "Warning", list: true);
        Define(HeaderId.WwwAuthenticate, "WWW-Authenticate");

        int longest = 0;
        for (int i = 1; i < Canonical.Length; i++)
            longest = Math.Max(longest, Canonical[i].Length);
        ByLengthAndLetter = new HeaderId[longest + 1][][];
        for (int len = 0; len <= longest; len++)
        {
            ByLengthAndLetter[len] = new HeaderId[LetterBuckets][];
            for (int letter = 0; letter < LetterBuckets; letter++)
                ByLengthAndLetter[len][letter] = [];
        }
        for (int i = 1; i < Canonical.Length; i++)
        {
            ref HeaderId[] bucket = ref ByLengthAndLetter[Canonical[i].Length][LetterBucket(Canonical[i][0])];
            bucket = [.. bucket, (HeaderId)i];
        }
    }

    private const int LetterBuckets = 32;

    // Folds ASCII case; non-letters share buckets with letters, which the full comparison sorts out.
    private static int LetterBucket(byte first) => first & (LetterBuckets - 1);

    private static void Define(HeaderId id, string name, bool list = false, char compact = '\0')
    {
        Canonical[(int)id] = Encoding.ASCII.GetBytes(name);
        ListValued[(int)id] = list;
        if (compact != '\0')
        {
            Compact[compact] = id;
            Compact[char.ToUpperInvariant(compact)] = id;
        }
    }

    /// <summary>Classifies a header name without allocating; unknown names give <see cref="HeaderId.Unknown"/>.</summary>
    public static HeaderId Classify(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
            return HeaderId.Unknown;
        if (name.Length == 1)
            return name[0] < 128 ? Compact[name[0]] : HeaderId.Unknown;
        if (name.Length >= ByLengthAndLetter.Length)
            return HeaderId.Unknown;
        foreach (HeaderId candidate in ByLengthAndLetter[name.Length][LetterBucket(name[0])])
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, Canonical[(int)candidate]))
                return candidate;
        }
        return HeaderId.Unknown;
    }

    /// <summary>The long-form name as it is written on the wire, e.g. "Call-ID".</summary>
    public static ReadOnlySpan<byte> GetName(HeaderId id) =>
        id == HeaderId.Unknown ? throw new ArgumentException("Unknown headers have no canonical name.", nameof(id)) : Canonical[(int)id];

    /// <summary>
    /// True for headers whose grammar is a comma-separated list (Via, Contact, Route, ...), so one line may carry
    /// several values. Headers such as WWW-Authenticate use commas inside one value and are not lists here.
    /// </summary>
    public static bool IsList(HeaderId id) => ListValued[(int)id];
}
