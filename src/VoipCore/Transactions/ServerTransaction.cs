using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>
/// A server transaction (RFC 3261 17.2): holds the request, absorbs its retransmissions by
/// repeating the last response, and sends the TU's responses to the right place.
/// </summary>
public abstract class ServerTransaction : Transaction
{
    private string? _localTag;
    private byte[]? _lastResponse;

    public SipMessage Request { get; }
    public InboundMessage Source { get; }
    public IServerTransactionOwner? Owner { get; set; }

    private protected ServerTransaction(TransactionLayer layer, TransactionKey key, SipMessage request, InboundMessage source, TransactionState initial)
        : base(layer, key, source.Remote.Protocol.IsReliable(), initial)
    {
        Request = request;
        Source = source;
    }

    /// <summary>The To tag every response of this transaction carries (made on first use, RFC 3261 8.2.6.2).</summary>
    public string LocalTag
    {
        get
        {
            lock (Gate)
            {
                return _localTag ??= ToTagOfRequest() ?? BranchIds.NewTag();
            }
        }
    }

    /// <summary>Starts a response with the request's Via (stamped with received/rport), From, To (tagged), Call-ID and CSeq.</summary>
    public SipMessageBuilder CreateResponse(int statusCode, string? reason = null)
    {
        var response = SipResponses.Create(Request, statusCode, reason, statusCode > 100 ? LocalTag : null);
        if (ResponseRouting.StampedTopVia(Request, Source.Remote) is { } stamped)
        {
            response.RemoveFirstValue(HeaderId.Via);
            response.Prepend(HeaderId.Via, stamped);
        }
        if (Layer.ServerName is { } server)
        {
            response.Add(HeaderId.Server, server);
        }
        return response;
    }

    /// <summary>Sends a response made by <see cref="CreateResponse"/>; throws InvalidState once a final response went out.</summary>
    public void Respond(SipMessageBuilder response)
    {
        byte[] bytes = response.ToArray();
        int status = response.StatusCode;
        lock (Gate)
        {
            if (!AcceptsResponse(status))
            {
                throw new VoipException(ErrorCode.InvalidState, $"transaction {Key.Branch} is {State}: it cannot send a {status} response");
            }
            _lastResponse = bytes;
            SendResponse(bytes);
            OnResponseSent(status);
        }
    }

    public void Respond(int statusCode, string? reason = null) => Respond(CreateResponse(statusCode, reason));

    protected abstract bool AcceptsResponse(int statusCode);

    /// <summary>Called with the lock held after a response went out.</summary>
    protected abstract void OnResponseSent(int statusCode);

    /// <summary>The request arrived again.</summary>
    internal abstract void OnRetransmission();

    protected void ResendLastResponse()
    {
        if (_lastResponse != null)
        {
            SendResponse(_lastResponse);
        }
    }

    private void SendResponse(byte[] bytes)
    {
        var connection = Source.Connection is { IsOpen: true } open ? open : null;
        Send(connection?.Remote ?? ResponseRouting.Destination(Request, Source.Remote), bytes, connection);
    }

    protected override void OnTransportError(Exception error)
    {
        lock (Gate)
        {
            MoveTo(TransactionState.Terminated);
        }
        Layer.Log($"response for {Key.Branch} could not be sent: {error.Message}");
    }

    private string? ToTagOfRequest()
    {
        var tag = Request.ToTag;
        return tag.IsEmpty ? null : SipText.Decode(tag.Span);
    }
}
