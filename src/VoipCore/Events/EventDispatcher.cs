using VoipCore.Logging;

namespace VoipCore.Events;

/// <summary>
/// The engine's dispatch thread. Every layer posts here; the thread hands events and log
/// records to the host one at a time, in posting order, with no internal lock held, so a host
/// callback may call back into the engine. Events that find no event sink wait in a bounded
/// poll queue (oldest dropped and counted when full) for <see cref="Poll"/>.
/// </summary>
public sealed class EventDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<object> _incoming = new();
    private readonly Queue<EngineEvent> _pollable = new();
    private readonly int _pollCapacity;
    private readonly Thread _thread;
    private IEventSink? _eventSink;
    private ILogSink? _logSink;
    private long _dropped;
    private ulong _sequence;
    private bool _stopping;
    private bool _delivering;
    private long _deliveries;

    private sealed record LogRecord(LogLevel Level, string Category, string Message);

    public EventDispatcher(int pollCapacity, string threadName)
    {
        _pollCapacity = pollCapacity;
        // Naming a thread converts the name to UTF-8. Under Native AOT, a new thread that runs the
        // encoding's first-time setup while the host thread is inside it can crash the process;
        // doing the setup here, on the creating thread, first rules that race out.
        _ = System.Text.Encoding.UTF8.GetByteCount(threadName);
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    public bool HasLogSink => Volatile.Read(ref _logSink) != null;

    /// <summary>Events posted but not yet delivered or parked, plus those parked for polling.</summary>
    internal (int Incoming, int Pollable, long Dropped) Backlog
    {
        get
        {
            lock (_gate)
            {
                return (_incoming.Count, _pollable.Count, _dropped);
            }
        }
    }

    public bool IsDispatchThread => Thread.CurrentThread == _thread;

    /// <summary>
    /// Replaces the event sink. Returns once no delivery to the old sink is running (unless called
    /// from a delivery), so the host may free what its old callback used.
    /// </summary>
    public void SetEventSink(IEventSink? sink)
    {
        lock (_gate)
        {
            _eventSink = sink;
            Monitor.PulseAll(_gate);
            AwaitDeliveryEnd();
        }
    }

    /// <summary>Replaces the log sink, with the same guarantee as <see cref="SetEventSink"/>.</summary>
    public void SetLogSink(ILogSink? sink)
    {
        lock (_gate)
        {
            _logSink = sink;
            AwaitDeliveryEnd();
        }
    }

    /// <summary>Waits for the delivery running now, if any; later deliveries already see the new sink.</summary>
    private void AwaitDeliveryEnd()
    {
        long running = _deliveries;
        while (_delivering && _deliveries == running && !IsDispatchThread)
        {
            Monitor.Wait(_gate);
        }
    }

    public void Post(EngineEvent engineEvent) => Enqueue(engineEvent);

    public void PostLog(LogLevel level, string category, string message) => Enqueue(new LogRecord(level, category, message));

    private void Enqueue(object item)
    {
        lock (_gate)
        {
            ThrowIfStopping();
            _incoming.Enqueue(item);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Takes the oldest pollable event, waiting up to <paramref name="timeoutMs"/> (-1: no limit).</summary>
    public EngineEvent? Poll(int timeoutMs)
    {
        long deadline = timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;
        lock (_gate)
        {
            while (true)
            {
                ThrowIfStopping();
                if (TakeDropNotice() is { } notice)
                {
                    return Stamp(notice);
                }
                if (_pollable.Count > 0)
                {
                    return Stamp(_pollable.Dequeue());
                }
                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return null;
                }
                Monitor.Wait(_gate, remaining > int.MaxValue ? Timeout.Infinite : (int)remaining);
            }
        }
    }

    /// <summary>
    /// Stops the thread and wakes pollers. Waits for a callback in progress unless called from
    /// that callback, in which case the thread ends as soon as the callback returns.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }
            _stopping = true;
            _incoming.Clear();
            _pollable.Clear();
            Monitor.PulseAll(_gate);
        }
        if (!IsDispatchThread)
        {
            _thread.Join();
        }
    }

    private void ThrowIfStopping()
    {
        if (_stopping)
        {
            throw new VoipException(ErrorCode.Shutdown, "the engine is being destroyed");
        }
    }

    /// <summary>Events were dropped while nobody consumed them: the next consumer hears of it first.</summary>
    private EngineEvent? TakeDropNotice()
    {
        if (_dropped == 0)
        {
            return null;
        }
        var notice = new EngineEvent(EventType.EventsDropped, Value: _dropped);
        _dropped = 0;
        return notice;
    }

    private EngineEvent Stamp(EngineEvent engineEvent)
    {
        engineEvent.Sequence = ++_sequence;
        return engineEvent;
    }

    private void Run()
    {
        while (true)
        {
            object item;
            IEventSink? eventSink;
            ILogSink? logSink;
            lock (_gate)
            {
                _delivering = false;
                Monitor.PulseAll(_gate);
                while (!_stopping && _incoming.Count == 0 && !(_eventSink != null && (_pollable.Count > 0 || _dropped > 0)))
                {
                    Monitor.Wait(_gate);
                }
                if (_stopping)
                {
                    return;
                }
                eventSink = _eventSink;
                logSink = _logSink;
                // Events parked for polling are older than anything incoming: a new sink gets them first.
                item = eventSink == null ? _incoming.Dequeue()
                    : TakeDropNotice() ?? (_pollable.Count > 0 ? _pollable.Dequeue() : _incoming.Dequeue());
                if (item is EngineEvent parked && eventSink == null)
                {
                    Park(parked);
                    continue;
                }
                if (item is EngineEvent delivered)
                {
                    Stamp(delivered);
                }
                _delivering = true;
                _deliveries++;
            }
            Deliver(item, eventSink, logSink);
        }
    }

    private void Park(EngineEvent engineEvent)
    {
        if (_pollable.Count >= _pollCapacity)
        {
            _pollable.Dequeue();
            _dropped++;
        }
        _pollable.Enqueue(engineEvent);
        Monitor.PulseAll(_gate);
    }

    private static void Deliver(object item, IEventSink? eventSink, ILogSink? logSink)
    {
        // A sink that throws must not kill the dispatch thread; the host's callback is not ours to fix.
        try
        {
            switch (item)
            {
                case EngineEvent engineEvent:
                    eventSink!.Deliver(engineEvent);
                    break;
                case LogRecord record:
                    logSink?.Write(record.Level, record.Category, record.Message);
                    break;
            }
        }
        catch (Exception)
        {
        }
    }
}
