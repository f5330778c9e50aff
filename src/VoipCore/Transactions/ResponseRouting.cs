using System.Net;
using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>
/// Where responses go and what they tell the client about its address (RFC 3261 18.2.1/18.2.2,
/// RFC 3581): the top Via gets received= and rport=, and responses follow the packet's real
/// source rather than what the client wrote, so NATed clients hear back.
/// </summary>
internal static class ResponseRouting
{
    /// <summary>The request's top Via value with received and rport filled in, or null when it needs no change.</summary>
    public static string? StampedTopVia(SipMessage request, TransportAddress source)
    {
        if (!request.TryGetFirstValue(HeaderId.Via, out var raw) || !ViaHeader.TryParse(raw, out var via))
        {
            return null;
        }
        string sourceIp = source.EndPoint.Address.ToString();
        bool hostDiffers = !SipText.Decode(via.Host.Span).Trim('[', ']').Equals(sourceIp, StringComparison.OrdinalIgnoreCase);
        if (!hostDiffers && !via.HasRport)
        {
            return null;
        }
        string text = SipText.Decode(raw.Span);
        if (via.HasRport)
        {
            text = ReplaceRport(text, source.EndPoint.Port);
        }
        return via.Received.IsEmpty ? $"{text};received={sourceIp}" : text;
    }

    /// <summary>Where to send a response over an unreliable transport, or when the request's connection is gone.</summary>
    public static TransportAddress Destination(SipMessage request, TransportAddress source)
    {
        if (!request.TryGetTopVia(out var via))
        {
            return source;
        }
        if (via.HasRport || source.Protocol.IsWebSocket())
        {
            return source;
        }
        int port = via.Port > 0 ? via.Port : source.Protocol.DefaultPort();
        return new TransportAddress(source.Protocol, new IPEndPoint(source.EndPoint.Address, port));
    }

    private static string ReplaceRport(string via, int port)
    {
        // The parameter is a bare ";rport" (RFC 3581 asks us to fill it); a value already there is kept.
        int at = IndexOfBareRport(via);
        return at < 0 ? via : via.Insert(at + ";rport".Length, "=" + port);
    }

    private static int IndexOfBareRport(string via)
    {
        for (int at = via.IndexOf(";rport", StringComparison.OrdinalIgnoreCase); at >= 0;
             at = via.IndexOf(";rport", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            int end = at + ";rport".Length;
            if (end == via.Length || via[end] is ';' or ' ' or '\t')
            {
                return at;
            }
        }
        return -1;
    }
}
