using System.Net;
using VoipCore.Transport;

namespace VoipCore.UserAgent;

/// <summary>"udp:127.0.0.1:5080", "tls:[::1]:5061", "ws:0.0.0.0:8080": what a listener binds to.</summary>
public readonly record struct ListenAddress(TransportProtocol Protocol, IPEndPoint EndPoint)
{
    public static ListenAddress Parse(string text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0 || !TransportProtocolExtensions.TryParse(text.AsSpan(0, colon), out var protocol))
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"listen address '{text}': expected udp:, tcp:, tls:, ws: or wss: then IP:port");
        }
        if (!IPEndPoint.TryParse(text[(colon + 1)..], out var endPoint) || !text[(colon + 1)..].Contains(':'))
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"listen address '{text}': '{text[(colon + 1)..]}' is not IP:port (IPv6 as [::1]:5060)");
        }
        return new ListenAddress(protocol, endPoint);
    }

    public static string Format(TransportAddress address) =>
        $"{address.Protocol.ViaName().ToLowerInvariant()}:{HostPort(address.EndPoint)}";

    /// <summary>host:port with IPv6 in brackets, as SIP writes it.</summary>
    public static string HostPort(IPEndPoint endPoint) =>
        endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]:{endPoint.Port}" : $"{endPoint.Address}:{endPoint.Port}";
}
