using VoipCore.Sip;

namespace VoipCore.Transactions;

/// <summary>
/// Turns a non-INVITE client transaction into a task of its final response. A timeout becomes a
/// local 408 and a transport failure a local 503 (RFC 3261 8.1.3.1), so callers handle one shape.
/// </summary>
internal sealed class FinalResponseAwaiter : IClientTransactionOwner
{
    private readonly TaskCompletionSource<SipMessage> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipMessage> Task => _final.Task;

    public FinalResponseAwaiter(TransactionLayer layer, OutgoingRequest request)
    {
        if (request.Method == SipMethod.Invite)
        {
            throw new ArgumentException("INVITE needs an owner that handles every 2xx", nameof(request));
        }
        try
        {
            layer.Send(request, this);
        }
        catch (Exception e)
        {
            _final.TrySetException(e);
        }
    }

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (response.StatusCode >= 200)
        {
            _final.TrySetResult(response);
        }
    }

    public void OnTimeout(ClientTransaction transaction) => _final.TrySetResult(Local(transaction, 408, "Request Timeout"));

    public void OnTransportError(ClientTransaction transaction, Exception error) =>
        _final.TrySetResult(Local(transaction, 503, $"Service Unavailable ({error.Message})"));

    private static SipMessage Local(ClientTransaction transaction, int status, string reason) =>
        SipMessage.Parse(SipResponses.Create(transaction.Request.Message, status, reason).ToArray());
}
