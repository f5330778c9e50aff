using System.Net;
using System.Net.Sockets;
using System.Text;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.Transport;

namespace VoipCore.UserAgent;

/// <summary>
/// The user-agent core of one engine: owns the transaction layer and its listeners, builds and
/// sends out-of-dialog requests, and routes incoming requests to the handler registered for
/// their method (registrar, OPTIONS, MESSAGE, and later INVITE). Unhandled methods get 405.
/// </summary>
public sealed class SipStack : ITransactionUser, IDisposable
{
    private readonly Dictionary<SipMethod, IRequestHandler> _handlers = [];
    private readonly Lock _gate = new();

    public TransactionLayer Transactions { get; }
    public string UserAgentName { get; }

    /// <summary>Retransmits 2xx answers to INVITE until their ACK arrives.</summary>
    public SuccessRetransmitter Successes { get; }

    public SipStack(TransportOptions transport, SipTimers timers, TimeProvider time, string userAgent, Action<string> log)
    {
        UserAgentName = userAgent;
        Transactions = new TransactionLayer(transport, timers, time, log)
        {
            ServerName = userAgent,
            User = this,
            SupportedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "replaces", "100rel", "timer" },
        };
        Successes = new SuccessRetransmitter(Transactions);
    }

    /// <summary>Told after a CANCEL ended a pending INVITE with 487, so the call layer can end its call.</summary>
    public Action<InviteServerTransaction>? InviteCancelled { get; set; }

    /// <summary>Told of every ACK for a 2xx (after it stopped the retransmissions), e.g. to read an answer it carries.</summary>
    public Action<SipMessage>? AckReceived { get; set; }

    public TransportAddress Listen(ListenAddress address) => Transactions.Transport.Listen(address.Protocol, address.EndPoint);

    public void Handle(SipMethod method, IRequestHandler handler)
    {
        lock (_gate)
        {
            _handlers[method] = handler;
        }
    }

    public IEnumerable<SipMethod> HandledMethods
    {
        get
        {
            lock (_gate)
            {
                return [.. _handlers.Keys, SipMethod.Ack, SipMethod.Cancel];
            }
        }
    }

    /// <summary>
    /// The address that goes in Via and Contact for a request to <paramref name="destination"/>:
    /// our listener for that transport and family when we have one (others can reach it), else,
    /// for a stream, the local end of the connection the request will use (the peer reuses it).
    /// </summary>
    public async ValueTask<TransportAddress> LocalAddressForAsync(TransportAddress destination, string? serverName)
    {
        var transport = Transactions.Transport;
        if (transport.LocalFor(destination.Protocol, destination.EndPoint.AddressFamily) is { } listener)
        {
            return listener;
        }
        if (destination.Protocol.IsReliable())
        {
            try
            {
                return (await transport.ConnectionToAsync(destination, serverName).ConfigureAwait(false)).Local;
            }
            catch (VoipException e) when (e.Code == ErrorCode.Io)
            {
                // Unreachable: any address does for a request that cannot leave; its transaction reports 503.
                if (transport.Listeners.FirstOrDefault(l => l.EndPoint.AddressFamily == destination.EndPoint.AddressFamily) is { EndPoint: not null } any)
                {
                    return new TransportAddress(destination.Protocol, any.EndPoint);
                }
                return new TransportAddress(destination.Protocol, new System.Net.IPEndPoint(
                    destination.EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? System.Net.IPAddress.IPv6Loopback : System.Net.IPAddress.Loopback, 9));
            }
        }
        throw new VoipException(ErrorCode.InvalidState,
            $"no {destination.EndPoint.AddressFamily} UDP listener: add one (e.g. \"udp:127.0.0.1:0\") before sending over UDP");
    }

    /// <summary>Builds the request and resolves where it goes (the outbound proxy when given, else the Request-URI).</summary>
    public async Task<OutgoingRequest> BuildAsync(RequestSpec spec, TransportProtocol? transport = null)
    {
        var (destination, serverName) = await SipTarget.ResolveAsync(spec.OutboundProxy ?? spec.RequestUri, transport).ConfigureAwait(false);
        var local = await LocalAddressForAsync(destination, serverName).ConfigureAwait(false);
        return Build(spec, destination, serverName, local);
    }

    public OutgoingRequest Build(RequestSpec spec, TransportAddress destination, string? serverName, TransportAddress local)
    {
        string branch = BranchIds.NewBranch();
        string hostPort = ListenAddress.HostPort(local.EndPoint);
        var builder = SipMessageBuilder.Request(spec.Method, spec.RequestUri)
            .Add(HeaderId.Via, $"SIP/2.0/{destination.Protocol.ViaName()} {hostPort};branch={branch};rport");
        if (spec.OutboundProxy != null)
        {
            builder.Add(HeaderId.Route, $"<{spec.OutboundProxy}>");
        }
        builder.Add(HeaderId.MaxForwards, "70")
            .Add(HeaderId.From, $"{spec.From};tag={spec.FromTag}")
            .Add(HeaderId.To, spec.To)
            .Add(HeaderId.CallId, spec.CallId)
            .Add(HeaderId.CSeq, $"{spec.CSeq} {spec.Method}");
        if (spec.ContactUser != null)
        {
            builder.Add(HeaderId.Contact, $"<{ContactUri(spec.ContactUser, local)}>{spec.ContactParameters}");
        }
        foreach (var (id, value) in spec.Headers)
        {
            builder.Add(id, value);
        }
        foreach (var (name, value) in spec.ExtensionHeaders)
        {
            builder.Add(name, value);
        }
        builder.Add(HeaderId.UserAgent, UserAgentName);
        if (spec.ContentType != null)
        {
            builder.SetBody(spec.ContentType, spec.Body);
        }
        return new OutgoingRequest(builder.ToArray(), destination, branch, serverName);
    }

    /// <summary>
    /// Finishes a request built elsewhere (in-dialog requests, CANCEL, the ACK for a 2xx): resolves
    /// <paramref name="nextHop"/>, puts our Via on top with <paramref name="branch"/> (a new one when null)
    /// and adds User-Agent.
    /// </summary>
    public async Task<OutgoingRequest> PrepareAsync(SipMessageBuilder request, string nextHop, TransportProtocol? preferred = null, string? branch = null)
    {
        var (destination, serverName) = await SipTarget.ResolveAsync(nextHop, preferred).ConfigureAwait(false);
        var local = await LocalAddressForAsync(destination, serverName).ConfigureAwait(false);
        branch ??= BranchIds.NewBranch();
        request.Prepend(HeaderId.Via, $"SIP/2.0/{destination.Protocol.ViaName()} {ListenAddress.HostPort(local.EndPoint)};branch={branch};rport");
        request.Add(HeaderId.UserAgent, UserAgentName);
        return new OutgoingRequest(request.ToArray(), destination, branch, serverName);
    }

    /// <summary>Our Contact URI for a local address: sip:user@host:port with the transport when it is not UDP.</summary>
    public static string ContactUri(string user, TransportAddress local)
    {
        string scheme = local.Protocol.IsSecure() && !local.Protocol.IsWebSocket() ? "sips" : "sip";
        string transport = local.Protocol == TransportProtocol.Udp ? "" : $";transport={local.Protocol.ViaName().ToLowerInvariant()}";
        string userPart = user.Length == 0 ? "" : Uri.EscapeDataString(user) + "@";
        return $"{scheme}:{userPart}{ListenAddress.HostPort(local.EndPoint)}{transport}";
    }

    void ITransactionUser.OnRequest(ServerTransaction transaction)
    {
        IRequestHandler? handler;
        lock (_gate)
        {
            _handlers.TryGetValue(transaction.Request.Method, out handler);
        }
        if (handler == null)
        {
            var response = transaction.CreateResponse(405);
            response.Add(HeaderId.Allow, string.Join(", ", HandledMethods.Select(m => Encoding.ASCII.GetString(SipMethods.GetName(m)))));
            transaction.Respond(response);
            return;
        }
        try
        {
            handler.OnRequest(transaction);
        }
        catch (Exception e)
        {
            RespondIfPending(transaction, 500, "Server Internal Error");
            Transactions.Log($"{transaction.Request.GetMethodName()} handler failed: {e.Message}");
        }
    }

    private static void RespondIfPending(ServerTransaction transaction, int status, string reason)
    {
        try
        {
            if (transaction.State is TransactionState.Trying or TransactionState.Proceeding)
            {
                transaction.Respond(status, reason);
            }
        }
        catch (VoipException e) when (e.Code == ErrorCode.InvalidState)
        {
            // The handler answered in the meantime; its answer stands.
        }
    }

    void ITransactionUser.OnCancel(InviteServerTransaction invite, SipMessage cancel)
    {
        RespondIfPending(invite, 487, "Request Terminated");
        InviteCancelled?.Invoke(invite);
    }

    void ITransactionUser.OnAck(SipMessage ack, InboundMessage source)
    {
        Successes.OnAck(ack);
        AckReceived?.Invoke(ack);
    }

    void ITransactionUser.OnStrayResponse(SipMessage response, InboundMessage source)
    {
    }

    public void Dispose() => Transactions.Dispose();
}
