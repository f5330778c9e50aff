namespace VoipCore.Logging;

/// <summary>The engine's log destination until the host sets a callback: one line per record on stderr.</summary>
public sealed class StandardErrorLogSink : ILogSink
{
    public static readonly StandardErrorLogSink Instance = new();

    public void Write(LogLevel level, string category, string message) =>
        Console.Error.WriteLine($"libvoipcore {DateTime.UtcNow:HH:mm:ss.fff} {level.ToString().ToLowerInvariant()} {category}: {message}");
}
