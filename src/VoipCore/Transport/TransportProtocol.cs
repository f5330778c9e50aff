namespace VoipCore.Transport;

/// <summary>The SIP transports (RFC 3261 section 18, RFC 7118 for WS/WSS).</summary>
public enum TransportProtocol
{
    Udp,
    Tcp,
    Tls,
    Ws,
    Wss,
}

public static class TransportProtocolExtensions
{
    /// <summary>Stream transports frame by Content-Length and never retransmit (RFC 3261 17.1.1.2).</summary>
    public static bool IsReliable(this TransportProtocol protocol) => protocol != TransportProtocol.Udp;

    public static bool IsSecure(this TransportProtocol protocol) => protocol is TransportProtocol.Tls or TransportProtocol.Wss;

    public static bool IsWebSocket(this TransportProtocol protocol) => protocol is TransportProtocol.Ws or TransportProtocol.Wss;

    /// <summary>The token used in Via's sent-protocol and in the transport URI parameter.</summary>
    public static string ViaName(this TransportProtocol protocol) => protocol switch
    {
        TransportProtocol.Udp => "UDP",
        TransportProtocol.Tcp => "TCP",
        TransportProtocol.Tls => "TLS",
        TransportProtocol.Ws => "WS",
        _ => "WSS",
    };

    public static bool TryParse(ReadOnlySpan<char> name, out TransportProtocol protocol)
    {
        protocol = name switch
        {
            _ when name.Equals("udp", StringComparison.OrdinalIgnoreCase) => TransportProtocol.Udp,
            _ when name.Equals("tcp", StringComparison.OrdinalIgnoreCase) => TransportProtocol.Tcp,
            _ when name.Equals("tls", StringComparison.OrdinalIgnoreCase) => TransportProtocol.Tls,
            _ when name.Equals("ws", StringComparison.OrdinalIgnoreCase) => TransportProtocol.Ws,
            _ when name.Equals("wss", StringComparison.OrdinalIgnoreCase) => TransportProtocol.Wss,
            _ => (TransportProtocol)(-1),
        };
        return protocol >= 0;
    }

    /// <summary>Default ports: 5060 for UDP/TCP, 5061 for TLS, 80/443 for WS/WSS.</summary>
    public static int DefaultPort(this TransportProtocol protocol) => protocol switch
    {
        TransportProtocol.Tls => 5061,
        TransportProtocol.Ws => 80,
        TransportProtocol.Wss => 443,
        _ => 5060,
    };
}
