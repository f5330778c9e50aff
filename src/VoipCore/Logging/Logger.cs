using VoipCore.Events;

namespace VoipCore.Logging;

/// <summary>
/// Per-engine logger. Records are produced only when a sink is set and the level passes, and
/// travel through the dispatcher so the host sees them in order with events, on one thread.
/// </summary>
public sealed class Logger(EventDispatcher dispatcher, LogLevel initialLevel)
{
    private volatile int _level = (int)initialLevel;

    public LogLevel Level
    {
        get => (LogLevel)_level;
        set => _level = (int)value;
    }

    public bool IsEnabled(LogLevel level) => level != LogLevel.Off && (int)level >= _level && dispatcher.HasLogSink;

    public void Write(LogLevel level, string category, string message)
    {
        if (IsEnabled(level))
        {
            dispatcher.PostLog(level, category, message);
        }
    }

    public void Debug(string category, string message) => Write(LogLevel.Debug, category, message);
    public void Info(string category, string message) => Write(LogLevel.Info, category, message);
    public void Warning(string category, string message) => Write(LogLevel.Warning, category, message);
    public void Error(string category, string message) => Write(LogLevel.Error, category, message);
}
