using VoipCore.Sip;

namespace VoipCore.UserAgent;

/// <summary>What an out-of-dialog request says (RFC 3261 8.1.1); the stack adds Via, Max-Forwards and User-Agent.</summary>
public sealed record RequestSpec(string Method, string RequestUri, string From, string To, string CallId, uint CSeq, string FromTag)
{
    /// <summary>The user part for our Contact, or null for no Contact header.</summary>
    public string? ContactUser { get; init; }

    /// <summary>Parameters appended to the Contact (after the URI's closing '>'), e.g. ";expires=60".</summary>
    public string ContactParameters { get; init; } = "";

    /// <summary>The outbound proxy the request is sent to instead of the Request-URI's host, as a URI (with ;lr).</summary>
    public string? OutboundProxy { get; init; }

    public string? ContentType { get; init; }
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Further header lines, in order.</summary>
    public IReadOnlyList<(HeaderId Id, string Value)> Headers { get; init; } = [];

    /// <summary>Extension headers by name (X- headers a host adds), after <see cref="Headers"/>.</summary>
    public IReadOnlyList<(string Name, string Value)> ExtensionHeaders { get; init; } = [];
}
