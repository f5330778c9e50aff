namespace VoipCore.Logging;

/// <summary>Where the dispatch thread hands log records: the C ABI callback, or a test.</summary>
public interface ILogSink
{
    void Write(LogLevel level, string category, string message);
}
