using VoipCore.Dialogs;
using VoipCore.Events;
using VoipCore.Handles;
using VoipCore.Registration;
using VoipCore.Sdp;

namespace VoipCore.Sessions;

/// <summary>
/// One call: its state machine, dialog, offer/answer state and media. Host operations validate against the
/// state at once (so an illegal one fails with InvalidState) and then run on the call's queue, as does
/// everything the network brings, so a call is only ever touched by one piece of work at a time.
/// </summary>
public sealed partial class Call
{
    private readonly CallManager _manager;
    private readonly CallStateMachine _machine;
    private readonly Lock _gate = new();
    private readonly long _createdTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    private long _connectedTimestamp;
    private ICallMedia? _media;
    private Dialog? _dialog;
    private SessionDescription? _localSdp;
    private MediaCapabilities _capabilities;
    private bool _remoteHold;
    private MediaStatistics? _finalStatistics;

    internal Call(CallManager manager, CallDirection direction, Account? account, string callId, string localTag, MediaCapabilities capabilities)
    {
        _manager = manager;
        _machine = new CallStateMachine(direction);
        Account = account;
        CallId = callId;
        LocalTag = localTag;
        _capabilities = capabilities;
        Queue = new CallQueue(e => manager.Log.Warning("call", $"call {callId}: {e.Message}"));
        Handle = HandleRegistry.Add(HandleType.Call, this);
    }

    public static Call FromHandle(ulong handle) => HandleRegistry.Get<Call>(handle, HandleType.Call);

    public ulong Handle { get; }
    public Account? Account { get; }
    public string CallId { get; }
    public string LocalTag { get; }
    public CallDirection Direction => _machine.Direction;
    internal CallQueue Queue { get; }

    public CallState State
    {
        get
        {
            lock (_gate)
            {
                return _machine.State;
            }
        }
    }

    /// <summary>The call's media once opened (the media layer's object; hosts reach players and recorders through it).</summary>
    public ICallMedia? Media => _media;

    /// <summary>Seconds since the answer, 0 before it.</summary>
    public double DurationSeconds => _connectedTimestamp == 0 ? 0 : System.Diagnostics.Stopwatch.GetElapsedTime(_connectedTimestamp).TotalSeconds;

    /// <summary>True while the far end has put us on hold (its offer said sendonly or inactive).</summary>
    public bool RemoteHold => _remoteHold;

    /// <summary>The figures so far; after the end, the final report.</summary>
    public MediaStatistics Statistics => _finalStatistics ?? _media?.Statistics ?? MediaStatistics.None;

    public bool Muted
    {
        get => _media?.Muted ?? false;
        set
        {
            Require(CallOperation.Mute);
            if (_media != null)
            {
                _media.Muted = value;
            }
        }
    }

    /// <summary>Throws InvalidState (with the state in the message) unless the operation is legal now.</summary>
    private void Require(CallOperation operation)
    {
        lock (_gate)
        {
            _machine.Require(operation);
        }
    }

    /// <summary>Checks the operation now and runs it on the queue, where it is checked again (the state may have moved).</summary>
    private void Enqueue(CallOperation operation, Func<Task> work)
    {
        Require(operation);
        Queue.Post(async () =>
        {
            if (Allows(operation))
            {
                await work().ConfigureAwait(false);
            }
        });
    }

    private void Enqueue(CallOperation operation, Action work) => Enqueue(operation, () =>
    {
        work();
        return Task.CompletedTask;
    });

    private bool Allows(CallOperation operation)
    {
        lock (_gate)
        {
            return _machine.Allows(operation);
        }
    }

    private bool IsTerminated
    {
        get
        {
            lock (_gate)
            {
                return _machine.IsTerminated;
            }
        }
    }

    /// <summary>Moves the state and tells the host; the move to Terminated also frees the call (media ports, handle, tables).</summary>
    private void MoveTo(CallState next, int code = 0, string reason = "", Action? beforeEvent = null)
    {
        CallState previous;
        lock (_gate)
        {
            if (_machine.State == next || _machine.IsTerminated)
            {
                return;
            }
            previous = _machine.MoveTo(next);
        }
        if (next == CallState.Connected && _connectedTimestamp == 0)
        {
            _connectedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        }
        if (next == CallState.Terminated)
        {
            ReleaseResources();
            // Before the event, so a host reacting to it already finds the handle invalid.
            HandleRegistry.Remove<Call>(Handle, HandleType.Call);
        }
        beforeEvent?.Invoke();
        PostState(next, previous, code, reason);
        ReportToReferrer(next, code, reason);
    }

    private void PostState(CallState state, CallState previous, int code, string reason)
    {
        double duration = DurationSeconds;
        var detail = new CallStateDetail(Name(state), Name(previous), Direction == CallDirection.Outgoing ? "outgoing" : "incoming",
            code, reason, _remoteHold, Math.Round(duration, 3), state == CallState.Terminated ? _finalStatistics : null);
        _manager.Post(new EngineEvent(EventType.CallState, Handle, Account?.Handle ?? 0, (long)state, (long)previous, EventJson.Of(detail)));
    }

    /// <summary>The lower-case state name events and bindings use.</summary>
    public static string Name(CallState state) => state switch
    {
        CallState.OnHold => "on_hold",
        _ => state.ToString().ToLowerInvariant(),
    };

    private void ReleaseResources()
    {
        CancelTimers();
        _transferTimer?.Dispose();
        if (_media != null)
        {
            _finalStatistics = _media.Statistics;
            _media.Dispose();
        }
        else
        {
            _finalStatistics = MediaStatistics.None;
        }
        if (_dialog != null && _dialog.State != DialogState.Terminated)
        {
            _dialog.Terminate();
        }
        _manager.Forget(this);
    }

    /// <summary>Applies an offer/answer outcome to the media and notes whether the far end holds us.</summary>
    private void ApplyNegotiation(NegotiatedMedia? negotiated)
    {
        if (negotiated == null || _media == null)
        {
            return;
        }
        _media.Apply(negotiated);
        bool weHold = _machine.State == CallState.OnHold;
        _remoteHold = !weHold && !negotiated.Direction.HasFlag(MediaDirection.SendOnly);
    }

    /// <summary>Drops a call that never got going (its INVITE was refused before the host heard of it): no event, just the handle.</summary>
    internal void Discard() => HandleRegistry.Remove<Call>(Handle, HandleType.Call);

    /// <summary>Ends the call now, from whatever state (the engine is stopping or a fatal error happened).</summary>
    internal void Abort(int code, string reason) => Queue.Post(() => MoveTo(CallState.Terminated, code, reason));
}
