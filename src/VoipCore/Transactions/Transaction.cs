using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>
/// What client and server transactions share: one lock serializing timers and messages, one-shot
/// timers from the layer's <see cref="TimeProvider"/> (so tests can run time by hand), and sending
/// through the transport with failures turned into the RFC's transport-error transition.
/// Owners are always called after the lock is released.
/// </summary>
public abstract class Transaction
{
    protected readonly object Gate = new();
    private ITimer? _retransmitTimer;
    private ITimer? _timeoutTimer;

    internal TransactionLayer Layer { get; }
    public TransactionKey Key { get; }
    public TransactionState State { get; private set; }
    public bool IsReliable { get; }

    private protected Transaction(TransactionLayer layer, TransactionKey key, bool reliable, TransactionState initial)
    {
        Layer = layer;
        Key = key;
        IsReliable = reliable;
        State = initial;
    }

    protected SipTimers Timers => Layer.Timers;

    /// <summary>Moves to a state; entering Terminated cancels every timer and leaves the layer's table.</summary>
    protected void MoveTo(TransactionState state)
    {
        State = state;
        if (state == TransactionState.Terminated)
        {
            StopRetransmitting();
            StopTimeout();
            Layer.Remove(this);
        }
    }

    protected void StartRetransmitting(TimeSpan interval)
    {
        _retransmitTimer?.Dispose();
        _retransmitTimer = Layer.Time.CreateTimer(OnRetransmitTimer, interval, interval, Timeout.InfiniteTimeSpan);
    }

    protected void StopRetransmitting()
    {
        _retransmitTimer?.Dispose();
        _retransmitTimer = null;
    }

    /// <summary>Arms the single timeout timer (B, D, F, H, I, J, K, L or M); zero fires at once.</summary>
    protected void StartTimeout(TimeSpan after)
    {
        _timeoutTimer?.Dispose();
        _timeoutTimer = Layer.Time.CreateTimer(_ => OnTimeoutTimer(), null, after, Timeout.InfiniteTimeSpan);
    }

    protected void StopTimeout()
    {
        _timeoutTimer?.Dispose();
        _timeoutTimer = null;
    }

    private void OnRetransmitTimer(object? state)
    {
        var interval = (TimeSpan)state!;
        lock (Gate)
        {
            if (_retransmitTimer == null || State == TransactionState.Terminated)
            {
                return;
            }
            var next = NextRetransmitInterval(interval);
            _retransmitTimer.Dispose();
            _retransmitTimer = Layer.Time.CreateTimer(OnRetransmitTimer, next, next, Timeout.InfiniteTimeSpan);
            Retransmit();
        }
    }

    /// <summary>Timer A doubles without limit; E and G cap at T2 (RFC 3261 17.1.2.2, 17.2.1).</summary>
    protected virtual TimeSpan NextRetransmitInterval(TimeSpan current) => Timers.NextInterval(current);

    /// <summary>Called with the lock held when the retransmission timer fires.</summary>
    protected abstract void Retransmit();

    /// <summary>Called without the lock when the timeout timer fires.</summary>
    protected abstract void OnTimeoutTimer();

    /// <summary>Sends without waiting; a failure becomes <see cref="OnTransportError"/>.</summary>
    protected void Send(TransportAddress destination, ReadOnlyMemory<byte> message, ISipConnection? connection, string? serverName = null)
    {
        ValueTask sending;
        try
        {
            sending = Layer.Transport.SendAsync(destination, message, connection, serverName);
        }
        catch (Exception e)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Item1.OnTransportError(s.Item2), (this, e), preferLocal: false);
            return;
        }
        if (!sending.IsCompletedSuccessfully)
        {
            _ = Observe(sending);
        }
    }

    private async Task Observe(ValueTask sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            OnTransportError(e);
        }
    }

    /// <summary>RFC 3261 17.1.4 / 17.2.4: a transport failure ends the transaction and tells the owner.</summary>
    protected abstract void OnTransportError(Exception error);
}
