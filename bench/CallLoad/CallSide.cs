using System.Collections.Concurrent;
using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Media;
using VoipCore.Sessions;

namespace VoipCore.Bench.CallLoad;

/// <summary>
/// One engine and a thread polling its events. The answering side answers every incoming call; the other side
/// starts the test tone on each call once it is connected. Keeps the calls that are up, so the bench can read
/// their statistics, and counts how calls ended.
/// </summary>
internal sealed class CallSide : IDisposable
{
    private const int MaxKeptFailures = 5;

    private readonly ConcurrentDictionary<ulong, Call> _up = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Thread _poller;
    private readonly bool _answers;
    private readonly string? _playPath;
    private volatile bool _stop;
    private int _connected;
    private int _ended;
    private int _failed;
    private long _eventsDropped;

    public CallSide(string name, int rtpPortMin, int rtpPortMax, bool answers, string? playPath)
    {
        _answers = answers;
        _playPath = playPath;
        // Quality events and the RTP timeout are off: the bench reads statistics itself, and nothing may hang up on its own.
        string json = "{\"log_level\":\"off\",\"media\":{\"codecs\":[\"pcmu\"]," +
            $"\"rtp_port_min\":{rtpPortMin},\"rtp_port_max\":{rtpPortMax},\"quality_interval_s\":0,\"rtp_timeout_s\":0}}," +
            "\"calls\":{\"decision_timeout_s\":600}}";
        Engine = new Engine(ConfigLoader.Load(json));
        Address = Engine.Listen("udp:127.0.0.1:0");
        _poller = new Thread(Poll) { IsBackground = true, Name = $"callload-{name}-events" };
        _poller.Start();
    }

    public Engine Engine { get; }

    /// <summary>"udp:127.0.0.1:PORT".</summary>
    public string Address { get; }

    public int Connected => Volatile.Read(ref _connected);
    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Calls that ended without ever connecting, or whose answer or tone failed.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public long EventsDropped => Interlocked.Read(ref _eventsDropped);

    /// <summary>The first few failures, as the library described them.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>The calls up now (connected, not yet ended).</summary>
    public Call[] CallsUp() => [.. _up.Values];

    private void Poll()
    {
        while (!_stop)
        {
            EngineEvent? next;
            try
            {
                next = Engine.Events.Poll(50);
            }
            catch (Exception e) when (e is ObjectDisposedException or VoipException { Code: ErrorCode.Shutdown })
            {
                return;
            }
            if (next is not null)
            {
                Handle(next);
            }
        }
    }

    private void Handle(EngineEvent e)
    {
        switch (e.Type)
        {
            case EventType.CallIncoming when _answers:
                Try(() => Call.FromHandle(e.Handle).Answer(), "answer");
                break;
            case EventType.CallState when e.Value == (long)CallState.Connected:
                OnConnected(e.Handle);
                break;
            case EventType.CallState when e.Value == (long)CallState.Terminated:
                OnEnded(e);
                break;
            case EventType.EventsDropped:
                Interlocked.Add(ref _eventsDropped, Math.Max(1, e.Value));
                break;
        }
    }

    private void OnConnected(ulong handle)
    {
        Try(() =>
        {
            var call = Call.FromHandle(handle);
            if (_playPath is not null)
            {
                ((CallMedia)call.Media!).Play(_playPath, loop: true);
            }
            if (_up.TryAdd(handle, call))
            {
                Interlocked.Increment(ref _connected);
            }
        }, "connect");
    }

    private void OnEnded(EngineEvent e)
    {
        if (!_up.TryRemove(e.Handle, out _))
        {
            Fail($"ended unconnected: {e.DetailJson}");
        }
        Interlocked.Increment(ref _ended);
    }

    private void Try(Action action, string what)
    {
        try
        {
            action();
        }
        catch (VoipException error)
        {
            Fail($"{what}: {error.Code} {error.Message}");
        }
    }

    private void Fail(string description)
    {
        Interlocked.Increment(ref _failed);
        if (_failures.Count < MaxKeptFailures)
        {
            _failures.Enqueue(description);
        }
    }

    public void Dispose()
    {
        Engine.Dispose();
        _stop = true;
        _poller.Join();
    }
}
