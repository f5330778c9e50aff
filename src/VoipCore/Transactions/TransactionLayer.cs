using System.Collections.Concurrent;
using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>
/// RFC 3261 section 17 for one engine: owns the transport layer, parses what it receives, answers
/// what cannot be processed (400 with the parser's reason, 505, 513, 481, 482, 420), matches the
/// rest to client and server transactions, and hands new requests to the transaction user.
/// </summary>
public sealed class TransactionLayer : ITransportSink, IDisposable
{
    private readonly ConcurrentDictionary<TransactionKey, ClientTransaction> _clients = new();
    private readonly ConcurrentDictionary<TransactionKey, ServerTransaction> _servers = new();
    private readonly ConcurrentDictionary<MergedRequestKey, TransactionKey> _byDialogFields = new();
    private readonly Action<string> _log;
    private ITransactionUser? _user;

    public TransportLayer Transport { get; }
    public SipTimers Timers { get; }
    public TimeProvider Time { get; }
    public TransactionStatistics Statistics { get; } = new();

    /// <summary>Written as the Server header of our responses when set.</summary>
    public string? ServerName { get; init; }

    /// <summary>Option tags we implement; a request requiring anything else gets 420 (RFC 3261 8.2.2.3).</summary>
    public IReadOnlySet<string> SupportedExtensions { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public TransactionLayer(TransportOptions transport, SipTimers timers, TimeProvider time, Action<string> log)
    {
        Timers = timers;
        Time = time;
        _log = log;
        Transport = new TransportLayer(transport, this, log);
    }

    /// <summary>Sets the transaction user; until then, requests are answered 503.</summary>
    public ITransactionUser? User
    {
        get => Volatile.Read(ref _user);
        set => Volatile.Write(ref _user, value);
    }

    public int ClientCount => _clients.Count;
    public int ServerCount => _servers.Count;

    /// <summary>Starts a client transaction for <paramref name="request"/>: INVITE or non-INVITE by its method.</summary>
    public ClientTransaction Send(OutgoingRequest request, IClientTransactionOwner owner)
    {
        if (request.Method == SipMethod.Ack)
        {
            throw new ArgumentException("ACK is sent without a transaction (SendStateless)", nameof(request));
        }
        ClientTransaction transaction = request.Method == SipMethod.Invite
            ? new InviteClientTransaction(this, request, owner)
            : new NonInviteClientTransaction(this, request, owner);
        if (!_clients.TryAdd(transaction.Key, transaction))
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"branch {request.Branch} is already in use");
        }
        transaction.Start();
        return transaction;
    }

    /// <summary>Sends a non-INVITE request and completes with its final response (408 or 503 made up on timeout or transport failure).</summary>
    public Task<SipMessage> SendAsync(OutgoingRequest request) =>
        new FinalResponseAwaiter(this, request).Task;

    /// <summary>Sends a message outside any transaction: an ACK for a 2xx, or a stateless response.</summary>
    public ValueTask SendStateless(TransportAddress destination, ReadOnlyMemory<byte> message, ISipConnection? connection = null) =>
        Transport.SendAsync(destination, message, connection);

    internal void Remove(Transaction transaction)
    {
        switch (transaction)
        {
            case ClientTransaction client:
                _clients.TryRemove(new KeyValuePair<TransactionKey, ClientTransaction>(client.Key, client));
                break;
            case ServerTransaction server:
                _servers.TryRemove(new KeyValuePair<TransactionKey, ServerTransaction>(server.Key, server));
                if (MergedRequestKey.Of(server.Request) is { } merged)
                {
                    _byDialogFields.TryRemove(new KeyValuePair<MergedRequestKey, TransactionKey>(merged, server.Key));
                }
                break;
        }
    }

    internal void Log(string message) => _log(message);

    void ITransportSink.OnMessage(InboundMessage inbound)
    {
        Statistics.CountReceived();
        Transport.Trace?.Invoke(false, inbound.Remote, inbound.Data);
        var message = new SipMessage();
        if (!SipParser.TryParse(inbound.Data, message, out var error))
        {
            if (message.ContentLength > Transport.Options.MaxMessageSize)
            {
                Statistics.CountOversized();
                RejectMalformed(message, 513, "Message Too Large", inbound);
                return;
            }
            RejectMalformed(message, error.StatusCode, error.Reason, inbound);
            return;
        }
        if (message.IsResponse)
        {
            OnResponse(message, inbound);
        }
        else
        {
            OnRequest(message, inbound);
        }
    }

    void ITransportSink.OnOversized(ReadOnlyMemory<byte> head, TransportAddress remote, ISipConnection? connection)
    {
        Statistics.CountOversized();
        var message = new SipMessage();
        SipParser.TryParse(head, message, out _);
        var inbound = new InboundMessage(head, remote, remote, connection);
        RejectMalformed(message, 513, "Message Too Large", inbound);
    }

    private void RejectMalformed(SipMessage message, int status, string reason, InboundMessage inbound)
    {
        if (!SipResponses.CanRespond(message))
        {
            Statistics.CountMalformedDropped();
            _log($"dropped an unparseable message from {inbound.Remote}: {reason}");
            return;
        }
        Statistics.CountMalformedAnswered();
        RespondStatelessly(message, inbound, status, reason);
    }

    private void RespondStatelessly(SipMessage request, InboundMessage inbound, int status, string? reason, Action<SipMessageBuilder>? extra = null)
    {
        var response = SipResponses.Create(request, status, reason, status > 100 ? BranchIds.NewTag() : null);
        if (ResponseRouting.StampedTopVia(request, inbound.Remote) is { } stamped)
        {
            response.RemoveFirstValue(HeaderId.Via);
            response.Prepend(HeaderId.Via, stamped);
        }
        extra?.Invoke(response);
        var connection = inbound.Connection is { IsOpen: true } open ? open : null;
        var destination = connection?.Remote ?? ResponseRouting.Destination(request, inbound.Remote);
        _ = SendQuietly(destination, response.ToArray(), connection);
    }

    private async Task SendQuietly(TransportAddress destination, byte[] message, ISipConnection? connection)
    {
        try
        {
            await Transport.SendAsync(destination, message, connection).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log($"could not send to {destination}: {e.Message}");
        }
    }

    private void OnResponse(SipMessage response, InboundMessage inbound)
    {
        if (response.TryGetTopVia(out var via) && response.TryGetCSeq(out var cseq)
            && _clients.TryGetValue(TransactionKey.ForClient(SipText.Decode(via.Branch.Span), cseq.Method, SipText.Decode(cseq.MethodName.Span)), out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }
        Statistics.CountStrayResponse();
        User?.OnStrayResponse(response, inbound);
    }

    private void OnRequest(SipMessage request, InboundMessage inbound)
    {
        var key = ServerKey(request, request.Method);
        if (request.Method == SipMethod.Ack)
        {
            OnAck(request, inbound, key);
            return;
        }
        if (_servers.TryGetValue(key, out var existing))
        {
            Statistics.CountRetransmission();
            existing.OnRetransmission();
            return;
        }
        if (request.Method == SipMethod.Cancel)
        {
            OnCancel(request, inbound, key);
            return;
        }
        var user = User;
        if (user == null)
        {
            RespondStatelessly(request, inbound, 503, "Service Unavailable");
            return;
        }
        if (IsMergedRequest(request, key))
        {
            RespondStatelessly(request, inbound, 482, "Loop Detected");
            return;
        }
        if (UnsupportedRequirements(request) is { } unsupported)
        {
            RespondStatelessly(request, inbound, 420, "Bad Extension", r => r.Add(HeaderId.Unsupported, unsupported));
            return;
        }
        ServerTransaction transaction = request.Method == SipMethod.Invite
            ? new InviteServerTransaction(this, key, request, inbound)
            : new NonInviteServerTransaction(this, key, request, inbound);
        if (!_servers.TryAdd(key, transaction))
        {
            _servers[key].OnRetransmission();
            return;
        }
        if (request.Method == SipMethod.Invite)
        {
            // Sent at once rather than after 200 ms: it costs one datagram and stops the client's timer A early.
            transaction.Respond(100);
        }
        user.OnRequest(transaction);
    }

    private void OnAck(SipMessage ack, InboundMessage inbound, TransactionKey key)
    {
        if (_servers.TryGetValue(key, out var transaction) && transaction is InviteServerTransaction invite
            && invite.State is TransactionState.Completed or TransactionState.Confirmed)
        {
            invite.OnAck();
            return;
        }
        User?.OnAck(ack, inbound);
    }

    private void OnCancel(SipMessage cancel, InboundMessage inbound, TransactionKey key)
    {
        var inviteKey = key with { Method = SipMethod.Invite, MethodName = "" };
        var cancelTransaction = new NonInviteServerTransaction(this, key, cancel, inbound);
        if (!_servers.TryAdd(key, cancelTransaction))
        {
            return;
        }
        if (!_servers.TryGetValue(inviteKey, out var found) || found is not InviteServerTransaction invite)
        {
            cancelTransaction.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }
        cancelTransaction.Respond(200);
        if (invite.State == TransactionState.Proceeding && !invite.IsCancelled)
        {
            invite.IsCancelled = true;
            User?.OnCancel(invite, cancel);
        }
    }

    /// <summary>RFC 3261 8.2.2.2: same From tag, Call-ID and CSeq as a live transaction but another branch means a fork looped back.</summary>
    private bool IsMergedRequest(SipMessage request, TransactionKey key)
    {
        if (MergedRequestKey.Of(request) is not { } merged)
        {
            return false;
        }
        var known = _byDialogFields.GetOrAdd(merged, key);
        return known != key && _servers.ContainsKey(known);
    }

    private string? UnsupportedRequirements(SipMessage request)
    {
        List<string>? unsupported = null;
        foreach (var value in request.GetValues(HeaderId.Require))
        {
            string tag = SipText.Decode(value.Span).Trim();
            if (tag.Length > 0 && !SupportedExtensions.Contains(tag))
            {
                (unsupported ??= []).Add(tag);
            }
        }
        return unsupported == null ? null : string.Join(", ", unsupported);
    }

    /// <summary>
    /// RFC 3261 17.2.3: branch + sent-by + method. A branch without the magic cookie comes from an
    /// RFC 2543 client; Call-ID, CSeq number and From tag then identify the transaction instead.
    /// </summary>
    private static TransactionKey ServerKey(SipMessage request, SipMethod method)
    {
        string methodName = method == SipMethod.Unknown ? request.GetMethodName() : "";
        if (!request.TryGetTopVia(out var via))
        {
            return TransactionKey.ForServer("", "", method, methodName);
        }
        string sentBy = $"{SipText.Decode(via.Host.Span)}:{via.Port}";
        string branch = via.HasRfc3261Branch
            ? SipText.Decode(via.Branch.Span)
            : $"rfc2543:{SipText.Decode(request.CallId.Span)}:{(request.TryGetCSeq(out var cseq) ? cseq.Number : 0)}:{SipText.Decode(request.FromTag.Span)}";
        return TransactionKey.ForServer(branch, sentBy, method, methodName);
    }

    public void Dispose() => Transport.Dispose();
}
