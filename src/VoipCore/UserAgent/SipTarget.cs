using System.Net;
using System.Net.Sockets;
using System.Text;
using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.UserAgent;

/// <summary>
/// Where a request for a URI goes (RFC 3263, reduced): the transport from the URI's transport
/// parameter or sips:, the port from the URI or the transport's default, and the host's address
/// from the URI or from A/AAAA lookup. SRV/NAPTR are not consulted.
/// </summary>
public static class SipTarget
{
    public static async Task<(TransportAddress Address, string? ServerName)> ResolveAsync(string uriText, TransportProtocol? preferred = null)
    {
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(uriText), out var uri) || !uri.IsSip || uri.HostKind == HostKind.None)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"'{uriText}' is not a sip: or sips: URI with a host");
        }
        var protocol = ProtocolOf(uri, preferred);
        string host = uri.GetHost().Trim('[', ']');
        int port = uri.Port > 0 ? uri.Port : protocol.DefaultPort();
        if (IPAddress.TryParse(host, out var ip))
        {
            return (new TransportAddress(protocol, new IPEndPoint(ip, port)), null);
        }
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new VoipException(ErrorCode.Io, $"cannot resolve '{host}': {e.Message}");
        }
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new VoipException(ErrorCode.Io, $"'{host}' has no address");
        return (new TransportAddress(protocol, new IPEndPoint(chosen, port)), host);
    }

    private static TransportProtocol ProtocolOf(SipUri uri, TransportProtocol? preferred)
    {
        var transport = uri.Transport;
        if (!transport.IsEmpty && TransportProtocolExtensions.TryParse(Encoding.ASCII.GetString(transport.Span), out var named))
        {
            return uri.Scheme == UriScheme.Sips && named == TransportProtocol.Tcp ? TransportProtocol.Tls : named;
        }
        if (uri.Scheme == UriScheme.Sips)
        {
            return preferred == TransportProtocol.Wss ? TransportProtocol.Wss : TransportProtocol.Tls;
        }
        return preferred ?? TransportProtocol.Udp;
    }
}
