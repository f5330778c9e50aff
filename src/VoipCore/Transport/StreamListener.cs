using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace VoipCore.Transport;

/// <summary>
/// Accepts TCP, TLS, WS or WSS connections on one port. The handshake of each connection runs on
/// its own with a deadline, so a half-open or silent client never blocks the others.
/// </summary>
internal sealed class StreamListener : IDisposable
{
    private readonly Socket _socket;
    private readonly TransportLayer _layer;
    private readonly CancellationTokenSource _stop = new();

    public TransportAddress Local { get; }

    public StreamListener(TransportProtocol protocol, IPEndPoint bind, TransportLayer layer)
    {
        _layer = layer;
        _socket = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // SO_REUSEADDR alone (restart over TIME_WAIT). .NET's ReuseAddress also sets SO_REUSEPORT on
            // Linux, which would let a second listener bind the same port and steal connections.
            const int SolSocket = 1, SoReuseAddr = 2;
            _socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            _socket.Bind(bind);
            _socket.Listen(512);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        Local = new TransportAddress(protocol, (IPEndPoint)_socket.LocalEndPoint!);
        _ = AcceptLoop();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Handshake(client);
        }
    }

    private async Task Handshake(Socket client)
    {
        var remote = new TransportAddress(Local.Protocol, (IPEndPoint)client.RemoteEndPoint!);
        Stream stream = new NetworkStream(client, ownsSocket: true);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(_layer.Options.ConnectTimeout);
        try
        {
            client.NoDelay = true;
            if (Local.Protocol.IsSecure())
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsServerAsync(TlsSettings.Server(_layer.Options), deadline.Token).ConfigureAwait(false);
            }
            if (Local.Protocol.IsWebSocket())
            {
                await WebSocketHandshake.AcceptAsync(stream, deadline.Token).ConfigureAwait(false);
                var socket = WebSocket.CreateFromStream(stream, isServer: true, "sip", TimeSpan.FromSeconds(30));
                _layer.Adopt(new WebSocketConnection(socket, remote, Local, _layer.Sink, _layer.Options, _layer.Forget));
            }
            else
            {
                _layer.Adopt(new StreamConnection(stream, remote, Local, _layer.Sink, _layer.Options, _layer.Forget, weOpenedIt: false));
            }
        }
        catch (Exception e)
        {
            _layer.Log($"{Local}: handshake with {remote} failed: {e.Message}");
            stream.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
    }
}
