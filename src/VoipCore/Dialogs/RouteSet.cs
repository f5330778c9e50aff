using System.Text;
using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>
/// The route set of a dialog (RFC 3261 12.1.1, 12.1.2): the Record-Route values of the creating message, each kept
/// whole (name-addr with all URI and header parameters), in the order requests must visit them.
/// </summary>
public sealed class RouteSet
{
    private readonly string[] _values;

    private RouteSet(string[] values) => _values = values;

    /// <summary>A route set with no hop: requests go straight to the remote target.</summary>
    public static RouteSet Empty { get; } = new([]);

    /// <summary>The Route values, first hop first.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>True when there is no hop.</summary>
    public bool IsEmpty => _values.Length == 0;

    /// <summary>True when the first hop is a loose router (its URI has <c>;lr</c>, RFC 3261 16.12 / 19.1.1).</summary>
    public bool FirstHopIsLooseRouter => !IsEmpty && ParseUri(_values[0]).IsLooseRouting;

    /// <summary>
    /// Takes the Record-Route values of <paramref name="message"/>: in reverse for a UAC reading a response
    /// (RFC 3261 12.1.2), as they are for a UAS reading a request (12.1.1).
    /// </summary>
    public static RouteSet FromRecordRoute(SipMessage message, bool reverse)
    {
        var values = new List<string>();
        foreach (ReadOnlyMemory<byte> value in message.GetValues(HeaderId.RecordRoute))
        {
            if (!NameAddress.TryParse(value, out NameAddress address) || !address.IsNameAddr)
                throw new VoipException(ErrorCode.InvalidArgument, "Malformed Record-Route value.");
            values.Add(SipText.Decode(value.Span));
        }
        if (reverse) values.Reverse();
        return new RouteSet(values.ToArray());
    }

    /// <summary>
    /// The Request-URI and Route values of a request to <paramref name="remoteTarget"/> (RFC 3261 12.2.1.1).
    /// Loose routing (no hop, or a first hop with <c>;lr</c>): Request-URI = remote target, Route = the route set.
    /// Strict routing (RFC 2543 first hop): Request-URI = the first hop's URI, Route = the other hops followed by
    /// the remote target, so the strict router can restore it. Request-URIs drop what 19.1.1 forbids there.
    /// </summary>
    public RequestRoute Resolve(string remoteTarget)
    {
        if (IsEmpty || FirstHopIsLooseRouter)
            return new RequestRoute(RequestUriText.Format(SipUri.Parse(remoteTarget)), _values);
        string[] route = [.. _values.AsSpan(1), $"<{remoteTarget}>"];
        return new RequestRoute(RequestUriText.Format(ParseUri(_values[0])), route);
    }

    private static SipUri ParseUri(string value) =>
        NameAddress.TryParse(Encoding.UTF8.GetBytes(value), out NameAddress address)
            ? address.Uri
            : throw new VoipException(ErrorCode.Internal, "A stored route value no longer parses.");
}
