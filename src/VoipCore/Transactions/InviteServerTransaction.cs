using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>
/// RFC 3261 17.2.1 as updated by RFC 6026: Proceeding, Completed (failure sent, retransmitted
/// by timer G until the ACK or timer H), Confirmed (timer I), Accepted (2xx sent: retransmitted
/// INVITEs are absorbed for timer L while the TU retransmits the 2xx), Terminated.
/// </summary>
public sealed class InviteServerTransaction : ServerTransaction
{
    internal InviteServerTransaction(TransactionLayer layer, TransactionKey key, SipMessage request, InboundMessage source)
        : base(layer, key, request, source, TransactionState.Proceeding)
    {
    }

    /// <summary>Whether a CANCEL arrived for this INVITE.</summary>
    public bool IsCancelled { get; internal set; }

    protected override bool AcceptsResponse(int statusCode) => State == TransactionState.Proceeding;

    protected override void OnResponseSent(int statusCode)
    {
        if (statusCode < 200)
        {
            return;
        }
        if (statusCode < 300)
        {
            MoveTo(TransactionState.Accepted);
            StartTimeout(Timers.TransactionTimeout);
            return;
        }
        MoveTo(TransactionState.Completed);
        if (!IsReliable)
        {
            StartRetransmitting(Timers.T1);
        }
        StartTimeout(Timers.TransactionTimeout);
    }

    internal override void OnRetransmission()
    {
        lock (Gate)
        {
            if (State is TransactionState.Proceeding or TransactionState.Completed)
            {
                ResendLastResponse();
            }
        }
    }

    /// <summary>The ACK for our failure response: stop retransmitting and linger for timer I.</summary>
    internal void OnAck()
    {
        lock (Gate)
        {
            if (State != TransactionState.Completed)
            {
                return;
            }
            StopRetransmitting();
            MoveTo(TransactionState.Confirmed);
            StartTimeout(Timers.WaitForRetransmissions(IsReliable));
        }
    }

    /// <summary>Sends the 2xx again: the TU's duty until the ACK arrives (RFC 3261 13.3.1.4, RFC 6026).</summary>
    public void RetransmitSuccess()
    {
        lock (Gate)
        {
            if (State == TransactionState.Accepted)
            {
                ResendLastResponse();
            }
        }
    }

    protected override void Retransmit() => ResendLastResponse();

    protected override void OnTimeoutTimer()
    {
        bool ackLost;
        lock (Gate)
        {
            if (State == TransactionState.Terminated)
            {
                return;
            }
            ackLost = State == TransactionState.Completed;
            MoveTo(TransactionState.Terminated);
        }
        if (ackLost)
        {
            Owner?.OnAckTimeout(this);
        }
    }
}
