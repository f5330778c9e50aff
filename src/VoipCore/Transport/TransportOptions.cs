using System.Security.Cryptography.X509Certificates;

namespace VoipCore.Transport;

/// <summary>Settings shared by every listener and connection of one engine.</summary>
public sealed class TransportOptions
{
    /// <summary>Largest message accepted or sent; bigger ones get 513 (RFC 3261 18.1.1 / 21.5.14).</summary>
    public int MaxMessageSize { get; init; } = 65535;

    /// <summary>Connections with no traffic for this long are closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On TCP/TLS connections we opened, send a double-CRLF ping (RFC 5626 3.5.1) after this long
    /// without traffic, so NAT bindings and the peer keep the connection; zero turns it off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Our certificate (with private key) for TLS/WSS listeners and for client authentication.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Check the peer's certificate on outgoing TLS/WSS connections (on by default).</summary>
    public bool VerifyPeer { get; init; } = true;

    /// <summary>Extra trust anchors; when set, only these anchor a peer's chain (a private CA).</summary>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }
}
