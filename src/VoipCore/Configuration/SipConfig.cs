using System.Text.Json.Serialization;

namespace VoipCore.Configuration;

/// <summary>The "sip" section of the engine configuration.</summary>
public sealed class SipConfig
{
    /// <summary>Listeners opened at start, e.g. "udp:127.0.0.1:5060", "tls:[::1]:5061", "ws:0.0.0.0:8080".</summary>
    [JsonPropertyName("listen")]
    public List<string> Listen { get; set; } = [];

    [JsonPropertyName("t1_ms")]
    public int T1Ms { get; set; } = 500;

    [JsonPropertyName("t2_ms")]
    public int T2Ms { get; set; } = 4000;

    [JsonPropertyName("t4_ms")]
    public int T4Ms { get; set; } = 5000;

    [JsonPropertyName("max_message_size")]
    public int MaxMessageSize { get; set; } = 65535;

    [JsonPropertyName("idle_timeout_s")]
    public int IdleTimeoutSeconds { get; set; } = 300;

    /// <summary>Double-CRLF keep-alive on TCP/TLS connections we opened, every this many idle seconds; 0 is off.</summary>
    [JsonPropertyName("keepalive_s")]
    public int KeepAliveSeconds { get; set; } = 90;

    [JsonPropertyName("tls")]
    public TlsConfig Tls { get; set; } = new();
}

/// <summary>TLS material for TLS/WSS listeners and outgoing connections (PEM files).</summary>
public sealed class TlsConfig
{
    [JsonPropertyName("certificate")]
    public string? Certificate { get; set; }

    [JsonPropertyName("private_key")]
    public string? PrivateKey { get; set; }

    /// <summary>A PEM file of CA certificates that anchor peers' chains instead of the system store.</summary>
    [JsonPropertyName("ca_file")]
    public string? CaFile { get; set; }

    [JsonPropertyName("verify_peer")]
    public bool VerifyPeer { get; set; } = true;
}
