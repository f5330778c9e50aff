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
        EngineConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, ConfigJsonContext.Default.EngineConfig);
        }
        catch (JsonException e)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "config: " + Describe(e));
        }
        if (config == null)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "config: expected a JSON object, got null");
        }
        Validate(config);
        return config;
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
        if (config.EventQueueCapacity is < 16 or > 1048576)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"config: key 'event_queue_capacity' is {config.EventQueueCapacity}; expected 16..1048576");
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
