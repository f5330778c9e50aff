using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Handles;
using VoipCore.Logging;

namespace VoipCore;

/// <summary>
/// The root object: configuration, the dispatch thread, logging and, as layers land, the
/// transports, accounts and calls it owns. Engines share nothing with each other.
/// </summary>
public sealed class Engine : IDisposable
{
    private int _disposed;

    public EngineConfig Config { get; }
    public EventDispatcher Events { get; }
    public Logger Log { get; }
    public ulong Handle { get; }

    public Engine(EngineConfig config)
    {
        Config = config;
        Events = new EventDispatcher(config.EventQueueCapacity, "voipcore-dispatch");
        Events.SetLogSink(StandardErrorLogSink.Instance);
        Log = new Logger(Events, ConfigLoader.ParseLogLevel(config.LogLevel));
        Handle = HandleRegistry.Add(HandleType.Engine, this);
        Events.Post(new EngineEvent(EventType.EngineStarted, DetailJson: $"{{\"version\":\"{LibraryVersion.Text}\"}}"));
        Log.Info("engine", $"libvoipcore {LibraryVersion.Text} engine started");
    }

    public static Engine FromHandle(ulong handle) => HandleRegistry.Get<Engine>(handle, HandleType.Engine);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        HandleRegistry.Remove<Engine>(Handle, HandleType.Engine);
        Log.Info("engine", "engine stopped");
        Events.Dispose();
    }
}
