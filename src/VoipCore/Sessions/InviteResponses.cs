using VoipCore.Sip;
using VoipCore.Transactions;

namespace VoipCore.Sessions;

/// <summary>
/// The owner of an INVITE client transaction of a call: hands every response (each 2xx included, for the ACK)
/// and the local failures (timeout as 408, transport as 503) to the call's queue, tagged with the transaction so
/// the call can ignore one it has moved past (after an authentication round, say).
/// </summary>
internal sealed class InviteResponses(CallQueue queue, Func<ClientTransaction, SipMessage, Task> onResponse) : IClientTransactionOwner
{
    public void OnResponse(ClientTransaction transaction, SipMessage response) => queue.Post(() => onResponse(transaction, response));

    public void OnTimeout(ClientTransaction transaction) => queue.Post(() => onResponse(transaction, Local(transaction, 408, "Request Timeout")));

    public void OnTransportError(ClientTransaction transaction, Exception error) =>
        queue.Post(() => onResponse(transaction, Local(transaction, 503, $"Service Unavailable ({error.Message})")));

    private static SipMessage Local(ClientTransaction transaction, int status, string reason) =>
        SipMessage.Parse(SipResponses.Create(transaction.Request.Message, status, reason).ToArray());
}
