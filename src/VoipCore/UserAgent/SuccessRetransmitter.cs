using System.Collections.Concurrent;
using VoipCore.Sip;
using VoipCore.Transactions;

namespace VoipCore.UserAgent;

/// <summary>
/// The UAS core's 2xx retransmission (RFC 3261 13.3.1.4): after a 2xx to an INVITE, send it
/// again at T1, 2*T1, ... capped at T2 until the ACK arrives; after 64*T1 give up and report it,
/// because the session then has to end with a BYE.
/// </summary>
public sealed class SuccessRetransmitter(TransactionLayer layer)
{
    private readonly ConcurrentDictionary<(string CallId, uint CSeq), Pending> _pending = new();

    private sealed class Pending(InviteServerTransaction transaction, Action? onAckTimeout)
    {
        public InviteServerTransaction Transaction { get; } = transaction;
        public Action? OnAckTimeout { get; } = onAckTimeout;
        public ITimer? Timer { get; set; }
        public TimeSpan Interval { get; set; }
        public TimeSpan Elapsed { get; set; }
    }

    public int Count => _pending.Count;

    /// <summary>Starts retransmitting the 2xx the transaction just sent.</summary>
    public void Track(InviteServerTransaction transaction, Action? onAckTimeout = null)
    {
        if (!transaction.Request.TryGetCSeq(out var cseq))
        {
            return;
        }
        var key = (SipText.Decode(transaction.Request.CallId.Span), cseq.Number);
        var pending = new Pending(transaction, onAckTimeout) { Interval = layer.Timers.T1 };
        if (!_pending.TryAdd(key, pending))
        {
            return;
        }
        pending.Timer = layer.Time.CreateTimer(_ => Tick(key, pending), null, pending.Interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>An ACK arrived outside any transaction; true when it ended a retransmission.</summary>
    public bool OnAck(SipMessage ack)
    {
        if (!ack.TryGetCSeq(out var cseq) || !_pending.TryRemove((SipText.Decode(ack.CallId.Span), cseq.Number), out var pending))
        {
            return false;
        }
        pending.Timer?.Dispose();
        return true;
    }

    private void Tick((string, uint) key, Pending pending)
    {
        if (!_pending.TryGetValue(key, out var current) || current != pending)
        {
            return;
        }
        pending.Elapsed += pending.Interval;
        if (pending.Elapsed >= layer.Timers.TransactionTimeout)
        {
            if (_pending.TryRemove(new KeyValuePair<(string, uint), Pending>(key, pending)))
            {
                pending.Timer?.Dispose();
                pending.OnAckTimeout?.Invoke();
            }
            return;
        }
        pending.Transaction.RetransmitSuccess();
        // The last wait is cut short so the give-up lands exactly at 64*T1.
        var left = layer.Timers.TransactionTimeout - pending.Elapsed;
        var next = layer.Timers.NextInterval(pending.Interval);
        pending.Interval = next < left ? next : left;
        pending.Timer?.Change(pending.Interval, Timeout.InfiniteTimeSpan);
    }
}
