using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>A client transaction (RFC 3261 17.1): sends one request, retransmits it on UDP, and hands responses to its owner.</summary>
public abstract class ClientTransaction : Transaction
{
    protected IClientTransactionOwner Owner { get; }
    public OutgoingRequest Request { get; }

    /// <summary>The connection the request went out on, once known; responses arrive on it for streams.</summary>
    protected ISipConnection? Connection { get; set; }

    private protected ClientTransaction(TransactionLayer layer, OutgoingRequest request, IClientTransactionOwner owner, TransactionState initial)
        : base(layer, TransactionKey.ForClient(request.Branch, request.Method, request.Message.GetMethodName()),
               request.Destination.Protocol.IsReliable(), initial)
    {
        Request = request;
        Owner = owner;
    }

    /// <summary>Sends the request and arms timer A or E (UDP only) and timer B or F (17.1.1.2, 17.1.2.2).</summary>
    internal void Start()
    {
        lock (Gate)
        {
            SendRequest();
            if (!IsReliable)
            {
                StartRetransmitting(Timers.T1);
            }
            StartTimeout(Timers.TransactionTimeout);
        }
    }

    internal abstract void OnResponse(SipMessage response);

    protected void SendRequest() => Send(Request.Destination, Request.Bytes, Connection, Request.ServerName);

    protected override void Retransmit() => SendRequest();

    protected override void OnTransportError(Exception error)
    {
        lock (Gate)
        {
            if (State == TransactionState.Terminated)
            {
                return;
            }
            MoveTo(TransactionState.Terminated);
        }
        Owner.OnTransportError(this, error);
    }
}
