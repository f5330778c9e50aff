using System.Text.Json.Serialization;

namespace VoipCore.Registration;

/// <summary>Registrar configuration (the JSON of vc_registrar_enable).</summary>
public sealed class RegistrarSettings
{
    /// <summary>The digest realm; clients see it in the challenge.</summary>
    [JsonPropertyName("realm")]
    public string Realm { get; set; } = "voipcore";

    [JsonPropertyName("min_expires")]
    public int MinExpires { get; set; } = 60;

    [JsonPropertyName("max_expires")]
    public int MaxExpires { get; set; } = 7200;

    [JsonPropertyName("default_expires")]
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>Digest algorithms offered, strongest first (RFC 8760): "SHA-256", "MD5".</summary>
    [JsonPropertyName("algorithms")]
    public List<string> Algorithms { get; set; } = ["SHA-256", "MD5"];

    /// <summary>Users and their passwords; more can come from vc_registrar_add_user or a credential callback.</summary>
    [JsonPropertyName("users")]
    public Dictionary<string, string> Users { get; set; } = [];
}
