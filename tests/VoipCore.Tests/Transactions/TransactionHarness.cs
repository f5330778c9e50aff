using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VoipCore.Sip;
using VoipCore.Tests.Support;
using VoipCore.Transactions;
using VoipCore.Transport;

namespace VoipCore.Tests.Transactions;

/// <summary>
/// A transaction layer on a real loopback UDP port with hand-driven timers, a raw UDP socket as
/// the far end, and a transaction user that records what it was handed.
/// </summary>
internal sealed class TransactionHarness : IDisposable, ITransactionUser
{
    public ManualTimeProvider Time { get; } = new();
    public TransactionLayer Layer { get; }
    public TransportAddress Local { get; }
    public UdpClient Peer { get; } = new(new IPEndPoint(IPAddress.Loopback, 0));
    public IPEndPoint PeerEndPoint => (IPEndPoint)Peer.Client.LocalEndPoint!;
    public BlockingCollection<ServerTransaction> Requests { get; } = new();
    public BlockingCollection<InviteServerTransaction> Cancels { get; } = new();
    public BlockingCollection<SipMessage> Acks { get; } = new();
    public BlockingCollection<SipMessage> StrayResponses { get; } = new();

    public TransactionHarness(IReadOnlySet<string>? supported = null)
    {
        Layer = new TransactionLayer(new TransportOptions(), SipTimers.Default, Time, _ => { })
        {
            User = this,
            SupportedExtensions = supported ?? new HashSet<string>(),
        };
        Local = Layer.Transport.Listen(TransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 0));
    }

    public TransportAddress PeerAddress => new(TransportProtocol.Udp, PeerEndPoint);

    public void PeerSends(string message) => Peer.Send(Encoding.UTF8.GetBytes(message), Local.EndPoint);

    /// <summary>The next datagram the peer receives, parsed (leniently: a 400 echoes the bad header it complains about).</summary>
    public SipMessage PeerReceives(int timeoutMs = 5000)
    {
        Peer.Client.ReceiveTimeout = timeoutMs;
        IPEndPoint? from = null;
        var message = new SipMessage();
        SipParser.TryParse(Peer.Receive(ref from), message, out _);
        return message;
    }

    public bool PeerReceivesNothing(int waitMs = 150)
    {
        Peer.Client.ReceiveTimeout = waitMs;
        try
        {
            IPEndPoint? from = null;
            Peer.Receive(ref from);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public static T Take<T>(BlockingCollection<T> from) =>
        from.TryTake(out var item, 5000) ? item : throw new TimeoutException($"nothing arrived in {typeof(T).Name} queue");

    /// <summary>A request from the peer with the given branch, method and CSeq; Via points at the peer.</summary>
    public string RequestFromPeer(string method, string branch, int cseq = 1, string callId = "call-1", string fromTag = "peer-tag",
        string extraHeaders = "", string via = "") =>
        $"{method} sip:us@127.0.0.1:{Local.EndPoint.Port} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{PeerEndPoint.Port};branch={branch}{via}\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:peer@127.0.0.1>;tag={fromTag}\r\n" +
        "To: <sip:us@127.0.0.1>\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        extraHeaders +
        "Content-Length: 0\r\n\r\n";

    /// <summary>Our request to the peer, with our Via on top.</summary>
    public OutgoingRequest RequestToPeer(string method, string branch) => new(Encoding.UTF8.GetBytes(
        $"{method} sip:peer@127.0.0.1:{PeerEndPoint.Port} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{Local.EndPoint.Port};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:us@127.0.0.1>;tag=our-tag\r\n" +
        "To: <sip:peer@127.0.0.1>\r\n" +
        "Call-ID: out-1\r\n" +
        $"CSeq: 1 {method}\r\n" +
        "Content-Length: 0\r\n\r\n"), PeerAddress, branch);

    /// <summary>The peer answers a request it received, echoing its Via, From, To (+tag), Call-ID and CSeq.</summary>
    public void PeerResponds(SipMessage request, int status, string toTag = "peer-to") =>
        Peer.Send(SipResponses.Create(request, status, null, toTag).ToArray(), Local.EndPoint);

    public void OnRequest(ServerTransaction transaction) => Requests.Add(transaction);
    public void OnCancel(InviteServerTransaction invite, SipMessage cancel) => Cancels.Add(invite);
    public void OnAck(SipMessage ack, InboundMessage source) => Acks.Add(ack);
    public void OnStrayResponse(SipMessage response, InboundMessage source) => StrayResponses.Add(response);

    public void Dispose()
    {
        Layer.Dispose();
        Peer.Dispose();
    }
}

/// <summary>Records what a client transaction reported.</summary>
internal sealed class RecordingClientOwner : IClientTransactionOwner
{
    public BlockingCollection<SipMessage> Responses { get; } = new();
    public int Timeouts;
    public int TransportErrors;

    public void OnResponse(ClientTransaction transaction, SipMessage response) => Responses.Add(response);
    public void OnTimeout(ClientTransaction transaction) => Interlocked.Increment(ref Timeouts);
    public void OnTransportError(ClientTransaction transaction, Exception error) => Interlocked.Increment(ref TransportErrors);
}
