using VoipCore.Sip;

namespace VoipCore.Transactions;

/// <summary>
/// RFC 3261 17.1.1 as updated by RFC 6026: Calling, Proceeding, Completed (3xx-6xx, ACKed here),
/// Accepted (2xx: stays alive for timer M so retransmitted and forked 2xx reach the owner), Terminated.
/// </summary>
public sealed class InviteClientTransaction : ClientTransaction
{
    private byte[]? _ack;

    internal InviteClientTransaction(TransactionLayer layer, OutgoingRequest request, IClientTransactionOwner owner)
        : base(layer, request, owner, TransactionState.Calling)
    {
    }

    // Timer A doubles without the T2 cap that E and G have (17.1.1.2).
    protected override TimeSpan NextRetransmitInterval(TimeSpan current) => current * 2;

    internal override void OnResponse(SipMessage response)
    {
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Calling or TransactionState.Proceeding when response.StatusCode < 200:
                    // Timer B only guards Calling; once the far end is proceeding, the TU decides when to CANCEL.
                    StopRetransmitting();
                    StopTimeout();
                    MoveTo(TransactionState.Proceeding);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding when response.StatusCode < 300:
                    StopRetransmitting();
                    MoveTo(TransactionState.Accepted);
                    StartTimeout(Timers.TransactionTimeout);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding:
                    StopRetransmitting();
                    _ack = AckForFailure.Build(Request.Message, response);
                    Send(Request.Destination, _ack, Connection, Request.ServerName);
                    MoveTo(TransactionState.Completed);
                    StartTimeout(Timers.TimerD(IsReliable));
                    break;
                case TransactionState.Completed when response.StatusCode >= 300:
                    // A retransmitted final response: our ACK was lost.
                    Send(Request.Destination, _ack!, Connection, Request.ServerName);
                    return;
                case TransactionState.Accepted when response.StatusCode is >= 200 and < 300:
                    break;
                default:
                    return;
            }
        }
        Owner.OnResponse(this, response);
    }

    protected override void OnTimeoutTimer()
    {
        bool timedOut;
        lock (Gate)
        {
            if (State == TransactionState.Terminated)
            {
                return;
            }
            timedOut = State is TransactionState.Calling or TransactionState.Proceeding;
            MoveTo(TransactionState.Terminated);
        }
        if (timedOut)
        {
            Owner.OnTimeout(this);
        }
    }
}
