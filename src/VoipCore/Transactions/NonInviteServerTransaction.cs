using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>RFC 3261 17.2.2: Trying, Proceeding, Completed (timer J), Terminated.</summary>
public sealed class NonInviteServerTransaction : ServerTransaction
{
    internal NonInviteServerTransaction(TransactionLayer layer, TransactionKey key, SipMessage request, InboundMessage source)
        : base(layer, key, request, source, TransactionState.Trying)
    {
    }

    protected override bool AcceptsResponse(int statusCode) => State is TransactionState.Trying or TransactionState.Proceeding;

    protected override void OnResponseSent(int statusCode)
    {
        if (statusCode < 200)
        {
            MoveTo(TransactionState.Proceeding);
            return;
        }
        MoveTo(TransactionState.Completed);
        StartTimeout(Timers.TimerJ(IsReliable));
    }

    internal override void OnRetransmission()
    {
        lock (Gate)
        {
            // In Trying there is nothing to repeat yet (17.2.2).
            if (State is TransactionState.Proceeding or TransactionState.Completed)
            {
                ResendLastResponse();
            }
        }
    }

    protected override void Retransmit()
    {
    }

    protected override void OnTimeoutTimer()
    {
        lock (Gate)
        {
            MoveTo(TransactionState.Terminated);
        }
    }
}
