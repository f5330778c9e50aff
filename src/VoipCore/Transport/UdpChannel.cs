using System.Net;
using System.Net.Sockets;

namespace VoipCore.Transport;

/// <summary>One bound UDP socket: receives datagrams for the layer above and sends from the same port (symmetric, RFC 3581).</summary>
internal sealed class UdpChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly ITransportSink _sink;
    private readonly int _maxMessageSize;
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<string> _log;

    public TransportAddress Local { get; }

    public long DroppedDatagrams => Interlocked.Read(ref _dropped);
    private long _dropped;

    public UdpChannel(IPEndPoint bind, ITransportSink sink, int maxMessageSize, Action<string> log)
    {
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _sink = sink;
        _maxMessageSize = maxMessageSize;
        _log = log;
        try
        {
            _socket.Bind(bind);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        Local = new TransportAddress(TransportProtocol.Udp, (IPEndPoint)_socket.LocalEndPoint!);
        _ = ReceiveLoop();
    }

    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> message, IPEndPoint destination, CancellationToken cancellation) =>
        _socket.SendToAsync(message, SocketFlags.None, destination, cancellation);

    private async Task ReceiveLoop()
    {
        // One spare byte tells an oversized datagram from one that exactly fits.
        var buffer = new byte[_maxMessageSize + 1];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // ICMP port unreachable from an earlier send, or a truncated datagram: neither stops the channel.
                continue;
            }
            var remote = new TransportAddress(TransportProtocol.Udp, (IPEndPoint)received.RemoteEndPoint);
            Deliver(buffer.AsSpan(0, received.ReceivedBytes), remote);
        }
    }

    private void Deliver(ReadOnlySpan<byte> datagram, TransportAddress remote)
    {
        try
        {
            if (IsKeepAlive(datagram))
            {
                return;
            }
            if (datagram.Length > _maxMessageSize)
            {
                _sink.OnOversized(datagram[..Math.Min(datagram.Length, 4096)].ToArray(), remote, null);
                return;
            }
            _sink.OnMessage(new InboundMessage(datagram.ToArray(), remote, Local, null));
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _dropped);
            _log($"udp {Local}: dropped a datagram from {remote}: {e.Message}");
        }
    }

    // RFC 5626 4.4.1 sends keep-alives over UDP as STUN; plain CRLF padding is also common. Neither is SIP.
    private static bool IsKeepAlive(ReadOnlySpan<byte> datagram) =>
        datagram.IsEmpty || datagram.Trim("\r\n"u8).IsEmpty || (datagram[0] & 0xC0) == 0;

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
    }
}
