using System.Text.Json;
using VoipCore.Logging;

namespace VoipCore.Configuration;

/// <summary>Parses and validates the host's configuration JSON; every failure names the offending key.</summary>
public static class ConfigLoader
{
    public static EngineConfig Load(string? json)
    {
        if (json == null)
        {
            return new EngineConfig();
        }
        var config = Parse(json, ConfigJsonContext.Default.EngineConfig, "config");
        Validate(config);
        return config;
    }

    public static Registration.AccountSettings LoadAccount(string? json) =>
        Parse(json ?? throw new VoipException(ErrorCode.InvalidArgument, "account: config_json must not be NULL (it needs at least \"uri\")"),
            ConfigJsonContext.Default.AccountSettings, "account");

    public static Sessions.CallOptions LoadCallOptions(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new Sessions.CallOptions() : Parse(json, ConfigJsonContext.Default.CallOptions, "call options");

    public static Registration.RegistrarSettings LoadRegistrar(string? json) =>
        json == null ? new Registration.RegistrarSettings() : Parse(json, ConfigJsonContext.Default.RegistrarSettings, "registrar");

    private static T Parse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type)
                ?? throw new VoipException(ErrorCode.InvalidArgument, $"{what}: expected a JSON object, got null");
        }
        catch (JsonException e)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"{what}: " + Describe(e));
        }
    }

    public static string ToJson(EngineConfig config) => JsonSerializer.Serialize(config, ConfigJsonContext.Default.EngineConfig);

    public static LogLevel ParseLogLevel(string name) => name switch
    {
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Info,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "off" => LogLevel.Off,
        _ => throw new VoipException(ErrorCode.InvalidArgument,
            $"config: key 'log_level' has value '{name}'; expected debug, info, warning, error or off"),
    };

    private static void Validate(EngineConfig config)
    {
        ParseLogLevel(config.LogLevel);
        Range("event_queue_capacity", config.EventQueueCapacity, 16, 1048576);
        var sip = config.Sip;
        Range("sip.t1_ms", sip.T1Ms, 10, 60_000);
        Range("sip.t2_ms", sip.T2Ms, sip.T1Ms, 600_000);
        Range("sip.t4_ms", sip.T4Ms, 10, 600_000);
        Range("sip.max_message_size", sip.MaxMessageSize, 1500, 1 << 20);
        Range("sip.idle_timeout_s", sip.IdleTimeoutSeconds, 1, 86_400);
        Range("sip.keepalive_s", sip.KeepAliveSeconds, 0, 86_400);
        foreach (var listen in sip.Listen)
        {
            UserAgent.ListenAddress.Parse(listen);
        }
        ValidateMedia(config.Media);
        Range("calls.decision_timeout_s", config.Calls.DecisionTimeoutSeconds, 1, 86_400);
        Range("calls.ring_timeout_s", config.Calls.RingTimeoutSeconds, 0, 86_400);
        if (config.Calls.SessionExpiresSeconds != 0)
        {
            Range("calls.session_expires_s", config.Calls.SessionExpiresSeconds, 90, 86_400);
        }
        if ((sip.Tls.Certificate == null) != (sip.Tls.PrivateKey == null))
        {
            throw new VoipException(ErrorCode.InvalidArgument, "config: keys 'sip.tls.certificate' and 'sip.tls.private_key' go together");
        }
    }

    private static void ValidateMedia(MediaConfig media)
    {
        Range("media.rtp_port_min", media.RtpPortMin, 1024, 65534);
        Range("media.rtp_port_max", media.RtpPortMax, media.RtpPortMin + 1, 65535);
        Range("media.opus_bitrate", media.OpusBitrate, 6000, 510_000);
        Range("media.rtp_timeout_s", media.RtpTimeoutSeconds, 0, 86_400);
        Range("media.quality_interval_s", media.QualityIntervalSeconds, 0, 86_400);
        Range("media.jitter_min_ms", media.JitterMinMs, 0, 1000);
        Range("media.jitter_max_ms", media.JitterMaxMs, Math.Max(media.JitterMinMs, 20), 2000);
        if (media.Codecs.Count == 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "config: key 'media.codecs' is empty; name at least one of opus, g722, pcmu, pcma");
        }
        foreach (var codec in media.Codecs)
        {
            if (Sessions.CodecNames.Capability(codec) is null)
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"config: key 'media.codecs' has '{codec}'; expected opus, g722, pcmu or pcma");
            }
        }
    }

    private static void Range(string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"config: key '{key}' is {value}; expected {min}..{max}");
        }
    }

    // System.Text.Json reports unknown keys and type errors with a JSON path; lead with the key it names.
    private static string Describe(JsonException e)
    {
        string where = e.Path is { Length: > 2 } path ? $"key '{path[2..]}'" : "document";
        string position = e.LineNumber is long line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return $"{where}{position}: {e.Message}";
    }
}
