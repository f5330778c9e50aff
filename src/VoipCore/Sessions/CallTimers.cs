namespace VoipCore.Sessions;

/// <summary>The one-shot timers of a call (decision, ring, cancel and re-INVITE retry, reliable 18x, session timer); each fires onto the call's queue.</summary>
public sealed partial class Call
{
    private ITimer? _decisionTimer;
    private ITimer? _ringTimer;
    private ITimer? _guardTimer;

    private ITimer Schedule(TimeSpan after, Action work) =>
        _manager.Time.CreateTimer(_ => Queue.Post(work), null, after, Timeout.InfiniteTimeSpan);

    /// <summary>Asynchronous work stays one queue item until it completes, so it never overlaps the call's other work.</summary>
    private ITimer Schedule(TimeSpan after, Func<Task> work) =>
        _manager.Time.CreateTimer(_ => Queue.Post(work), null, after, Timeout.InfiniteTimeSpan);

    private void CancelTimers()
    {
        _decisionTimer?.Dispose();
        _ringTimer?.Dispose();
        _guardTimer?.Dispose();
        _reliableTimer?.Dispose();
        _sessionTimerDeadline?.Dispose();
    }
}
