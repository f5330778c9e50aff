using System.Text.Json.Serialization;

namespace VoipCore.Sessions;

/// <summary>The options_json of vc_call_make: codecs for this call and extra INVITE headers.</summary>
public sealed class CallOptions
{
    /// <summary>Codecs in preference order ("opus", "g722", "pcmu", "pcma"); null uses the engine's media.codecs.</summary>
    [JsonPropertyName("codecs")]
    public List<string>? Codecs { get; set; }

    /// <summary>Extra headers for the INVITE, e.g. {"X-Account-Code": "42"}.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string> Headers { get; set; } = [];
}
