using System.Text.Json.Serialization;

namespace VoipCore.Registration;

/// <summary>An account (the JSON of vc_account_create): who we are and where we register.</summary>
public sealed class AccountSettings
{
    /// <summary>Our address-of-record, e.g. "sip:alice@example.com".</summary>
    [JsonPropertyName("uri")]
    public string Uri { get; set; } = "";

    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }

    /// <summary>The digest user name when it differs from the URI's user part.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>H(user:realm:password) in hex, instead of the password.</summary>
    [JsonPropertyName("ha1")]
    public string? Ha1 { get; set; }

    /// <summary>The registrar's URI; defaults to the domain of <see cref="Uri"/>.</summary>
    [JsonPropertyName("registrar")]
    public string? Registrar { get; set; }

    /// <summary>An outbound proxy every request goes through (a loose-routing Route).</summary>
    [JsonPropertyName("proxy")]
    public string? Proxy { get; set; }

    /// <summary>"udp", "tcp", "tls", "ws" or "wss"; defaults to what the URIs say, else UDP.</summary>
    [JsonPropertyName("transport")]
    public string? Transport { get; set; }

    /// <summary>The registration expiry we ask for, in seconds.</summary>
    [JsonPropertyName("expires")]
    public int Expires { get; set; } = 600;

    /// <summary>Send OPTIONS to the registrar (or proxy) this often, in seconds; 0 turns it off.</summary>
    [JsonPropertyName("keepalive_s")]
    public int KeepAliveSeconds { get; set; }
}
