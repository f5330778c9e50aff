using System.Collections.Concurrent;
using VoipCore.Events;
using VoipCore.Logging;

namespace VoipCore.Tests.Events;

/// <summary>Sinks that record what the dispatch thread delivered, and on which thread.</summary>
internal sealed class RecordingEventSink(Action<EngineEvent>? onDeliver = null) : IEventSink
{
    public ConcurrentQueue<(EngineEvent Event, int ThreadId)> Delivered { get; } = new();

    public void Deliver(EngineEvent engineEvent)
    {
        Delivered.Enqueue((engineEvent, Environment.CurrentManagedThreadId));
        onDeliver?.Invoke(engineEvent);
    }

    public bool WaitFor(int count, int timeoutMs = 5000) => SpinWait.SpinUntil(() => Delivered.Count >= count, timeoutMs);
}

internal sealed class RecordingLogSink : ILogSink
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Records { get; } = new();

    public void Write(LogLevel level, string category, string message) => Records.Enqueue((level, category, message));
}
