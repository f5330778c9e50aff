using System.Text.Json.Serialization;

namespace VoipCore.Configuration;

/// <summary>The "media" section of the engine configuration: RTP ports, codecs, and what calls watch.</summary>
public sealed class MediaConfig
{
    /// <summary>The first RTP port calls may use (RTP takes even ports, RTCP the odd one above).</summary>
    [JsonPropertyName("rtp_port_min")]
    public int RtpPortMin { get; set; } = 20000;

    [JsonPropertyName("rtp_port_max")]
    public int RtpPortMax { get; set; } = 29999;

    /// <summary>Codecs in preference order: "opus", "g722", "pcmu", "pcma"; telephone-event is always added.</summary>
    [JsonPropertyName("codecs")]
    public List<string> Codecs { get; set; } = ["opus", "g722", "pcmu", "pcma"];

    [JsonPropertyName("opus_bitrate")]
    public int OpusBitrate { get; set; } = 32000;

    [JsonPropertyName("opus_fec")]
    public bool OpusFec { get; set; } = true;

    [JsonPropertyName("opus_dtx")]
    public bool OpusDtx { get; set; }

    /// <summary>Seconds without RTP on a call that should receive before the RTP timeout event; 0 is off.</summary>
    [JsonPropertyName("rtp_timeout_s")]
    public int RtpTimeoutSeconds { get; set; } = 30;

    /// <summary>Hang the call up when the RTP timeout fires.</summary>
    [JsonPropertyName("hangup_on_rtp_timeout")]
    public bool HangupOnRtpTimeout { get; set; }

    /// <summary>Seconds between quality events of a connected call; 0 is off.</summary>
    [JsonPropertyName("quality_interval_s")]
    public int QualityIntervalSeconds { get; set; } = 5;

    [JsonPropertyName("jitter_min_ms")]
    public int JitterMinMs { get; set; } = 20;

    [JsonPropertyName("jitter_max_ms")]
    public int JitterMaxMs { get; set; } = 300;
}

/// <summary>The "calls" section of the engine configuration.</summary>
public sealed class CallsConfig
{
    /// <summary>Seconds an incoming call waits for the host's decision before it is rejected with 480.</summary>
    [JsonPropertyName("decision_timeout_s")]
    public int DecisionTimeoutSeconds { get; set; } = 60;

    /// <summary>Send 180 Ringing as soon as an incoming call is offered to the host.</summary>
    [JsonPropertyName("auto_ringing")]
    public bool AutoRinging { get; set; } = true;

    /// <summary>Seconds an outgoing INVITE may go unanswered (after ringing started) before it is cancelled; 0 waits forever.</summary>
    [JsonPropertyName("ring_timeout_s")]
    public int RingTimeoutSeconds { get; set; } = 120;

    /// <summary>The session interval our INVITEs ask for (Session-Expires, RFC 4028); 0 asks for none.</summary>
    [JsonPropertyName("session_expires_s")]
    public int SessionExpiresSeconds { get; set; } = 1800;
}
