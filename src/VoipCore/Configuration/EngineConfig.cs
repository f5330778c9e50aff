using System.Text.Json.Serialization;

namespace VoipCore.Configuration;

/// <summary>
/// Engine configuration: the embedded defaults, overridden key by key by the host's JSON
/// (see vc_engine_create in include/voipcore.h). Each later layer adds its own section here.
/// </summary>
public sealed class EngineConfig
{
    [JsonPropertyName("log_level")]
    public string LogLevel { get; set; } = "warning";

    [JsonPropertyName("user_agent")]
    public string UserAgent { get; set; } = "libvoipcore/" + LibraryVersion.Text;

    [JsonPropertyName("event_queue_capacity")]
    public int EventQueueCapacity { get; set; } = 65536;

    [JsonPropertyName("sip")]
    public SipConfig Sip { get; set; } = new();

    [JsonPropertyName("media")]
    public MediaConfig Media { get; set; } = new();

    [JsonPropertyName("calls")]
    public CallsConfig Calls { get; set; } = new();
}
