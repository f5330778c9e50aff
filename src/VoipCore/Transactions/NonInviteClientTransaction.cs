using VoipCore.Sip;

namespace VoipCore.Transactions;

/// <summary>RFC 3261 17.1.2: Trying, Proceeding, Completed, Terminated; timers E, F and K.</summary>
public sealed class NonInviteClientTransaction : ClientTransaction
{
    internal NonInviteClientTransaction(TransactionLayer layer, OutgoingRequest request, IClientTransactionOwner owner)
        : base(layer, request, owner, TransactionState.Trying)
    {
    }

    internal override void OnResponse(SipMessage response)
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }
            if (response.StatusCode < 200)
            {
                if (State == TransactionState.Trying && !IsReliable)
                {
                    // In Proceeding, timer E fires every T2 (17.1.2.2).
                    StartRetransmitting(Timers.T2);
                }
                MoveTo(TransactionState.Proceeding);
            }
            else
            {
                StopRetransmitting();
                MoveTo(TransactionState.Completed);
                StartTimeout(Timers.WaitForRetransmissions(IsReliable));
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
            // Timer F in Trying/Proceeding is a failure; timer K in Completed just ends the wait.
            timedOut = State != TransactionState.Completed;
            MoveTo(TransactionState.Terminated);
        }
        if (timedOut)
        {
            Owner.OnTimeout(this);
        }
    }
}
