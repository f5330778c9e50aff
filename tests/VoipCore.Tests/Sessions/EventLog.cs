using System.Text.Json;
using VoipCore.Events;

namespace VoipCore.Tests.Sessions;

/// <summary>Keeps every event of an engine (a background poller) so tests can wait for any of them without consuming the others.</summary>
internal sealed class EventLog : IDisposable
{
    private readonly List<EngineEvent> _events = [];
    private readonly Thread _poller;
    private readonly Engine _engine;
    private volatile bool _stop;

    public EventLog(Engine engine)
    {
        _engine = engine;
        _poller = new Thread(Poll) { IsBackground = true, Name = "test-event-log" };
        _poller.Start();
    }

    private void Poll()
    {
        while (!_stop)
        {
            EngineEvent? next;
            try
            {
                next = _engine.Events.Poll(50);
            }
            catch (Exception e) when (e is ObjectDisposedException or VoipException { Code: ErrorCode.Shutdown })
            {
                return;
            }
            if (next is null)
            {
                continue;
            }
            lock (_events)
            {
                _events.Add(next);
                Monitor.PulseAll(_events);
            }
        }
    }

    public EngineEvent WaitFor(Func<EngineEvent, bool> match, string what, int timeoutMs = 10000)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        lock (_events)
        {
            while (true)
            {
                foreach (var e in _events)
                {
                    if (match(e))
                    {
                        return e;
                    }
                }
                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    throw new TimeoutException($"no {what} within {timeoutMs} ms; saw: {string.Join(" | ", _events.Select(e => $"{e.Type} {e.Value} {e.DetailJson}"))}");
                }
                Monitor.Wait(_events, (int)left);
            }
        }
    }

    public IReadOnlyList<EngineEvent> All(Func<EngineEvent, bool> match)
    {
        lock (_events)
        {
            return _events.Where(match).ToList();
        }
    }

    public EngineEvent WaitForState(ulong call, global::VoipCore.Sessions.CallState state, int timeoutMs = 10000) =>
        WaitFor(e => e.Type == EventType.CallState && e.Handle == call && e.Value == (long)state, $"call state {state}", timeoutMs);

    public EngineEvent WaitForIncoming(int timeoutMs = 10000) =>
        WaitFor(e => e.Type == EventType.CallIncoming, "incoming call", timeoutMs);

    public static string Text(EngineEvent e, string field) =>
        JsonDocument.Parse(e.DetailJson!).RootElement.GetProperty(field).ToString();

    public void Dispose()
    {
        _stop = true;
        _poller.Join();
    }
}
