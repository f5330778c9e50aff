using System.Security.Authentication;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace VoipCore.Transport;

/// <summary>
/// All listeners and connections of one engine. Sends a message to a transport address: UDP from
/// the listening socket (so replies come back to it), streams over an existing connection to that
/// address when there is one, else over a new one (RFC 3261 18.1.1, 18.2.2).
/// </summary>
public sealed class TransportLayer : IDisposable
{
    private readonly List<UdpChannel> _udp = [];
    private readonly List<StreamListener> _streams = [];
    private readonly ConnectionTable _connections = new();
    private readonly Lock _gate = new();
    private readonly Action<string> _log;
    private int _disposed;

    public TransportOptions Options { get; }
    internal ITransportSink Sink { get; }

    public TransportLayer(TransportOptions options, ITransportSink sink, Action<string> log)
    {
        Options = options;
        Sink = sink;
        _log = log;
    }

    public int ConnectionCount => _connections.Count;

    /// <summary>Opens a listener; port 0 picks a free port. Returns the address actually bound.</summary>
    public TransportAddress Listen(TransportProtocol protocol, IPEndPoint bind)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (protocol.IsSecure() && Options.Certificate == null)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"a {protocol.ViaName()} listener needs a certificate (sip.tls.certificate)");
        }
        try
        {
            lock (_gate)
            {
                if (protocol == TransportProtocol.Udp)
                {
                    var channel = new UdpChannel(bind, Sink, Options.MaxMessageSize, _log);
                    _udp.Add(channel);
                    return channel.Local;
                }
                var listener = new StreamListener(protocol, bind, this);
                _streams.Add(listener);
                return listener.Local;
            }
        }
        catch (SocketException e)
        {
            throw new VoipException(ErrorCode.Io, $"cannot listen on {protocol.ViaName().ToLowerInvariant()}:{bind}: {e.Message}");
        }
    }

    public IReadOnlyList<TransportAddress> Listeners
    {
        get
        {
            lock (_gate)
            {
                return [.. _udp.Select(u => u.Local), .. _streams.Select(s => s.Local)];
            }
        }
    }

    /// <summary>The local address a message to <paramref name="destination"/> will leave from, for Via and Contact.</summary>
    public TransportAddress? LocalFor(TransportProtocol protocol, AddressFamily family)
    {
        lock (_gate)
        {
            if (protocol == TransportProtocol.Udp)
            {
                return _udp.Where(u => u.Local.EndPoint.AddressFamily == family).Select(u => (TransportAddress?)u.Local).FirstOrDefault();
            }
            return _streams.Where(s => s.Local.Protocol == protocol && s.Local.EndPoint.AddressFamily == family)
                .Select(s => (TransportAddress?)s.Local).FirstOrDefault();
        }
    }

    /// <summary>
    /// Told of every message sent (true) and received (false) with its peer, for a wire trace; null (the
    /// default) costs nothing. Runs on the sending or receiving thread: it must be quick and must not throw.
    /// </summary>
    public Action<bool, TransportAddress, ReadOnlyMemory<byte>>? Trace { get; set; }

    /// <summary>
    /// Sends one message. <paramref name="connection"/> is preferred for streams when still open;
    /// <paramref name="serverName"/> is the name a TLS certificate must carry (defaults to the IP).
    /// </summary>
    public async ValueTask SendAsync(TransportAddress destination, ReadOnlyMemory<byte> message, ISipConnection? connection = null,
        string? serverName = null, CancellationToken cancellation = default)
    {
        if (message.Length > Options.MaxMessageSize)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"message of {message.Length} bytes exceeds the maximum of {Options.MaxMessageSize}");
        }
        Trace?.Invoke(true, destination, message);
        if (destination.Protocol == TransportProtocol.Udp)
        {
            var channel = ChannelFor(destination.EndPoint.AddressFamily);
            await channel.SendAsync(message, destination.EndPoint, cancellation).ConfigureAwait(false);
            return;
        }
        if (connection is not { IsOpen: true })
        {
            connection = await ConnectionToAsync(destination, serverName, cancellation).ConfigureAwait(false);
        }
        await connection.SendAsync(message, cancellation).ConfigureAwait(false);
    }

    /// <summary>The open stream connection to <paramref name="destination"/>, connecting when there is none.</summary>
    public async ValueTask<ISipConnection> ConnectionToAsync(TransportAddress destination, string? serverName = null,
        CancellationToken cancellation = default) =>
        _connections.TryGet(destination, out var existing) ? existing
            : await ConnectAsync(destination, serverName, cancellation).ConfigureAwait(false);

    private UdpChannel ChannelFor(AddressFamily family)
    {
        lock (_gate)
        {
            return _udp.FirstOrDefault(u => u.Local.EndPoint.AddressFamily == family)
                ?? throw new VoipException(ErrorCode.InvalidState, $"no UDP listener for {family}; add one to send over UDP");
        }
    }

    private async Task<ISipConnection> ConnectAsync(TransportAddress destination, string? serverName, CancellationToken cancellation)
    {
        var socket = new Socket(destination.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(Options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(destination.EndPoint, deadline.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            var local = new TransportAddress(destination.Protocol, (IPEndPoint)socket.LocalEndPoint!);
            string host = serverName ?? destination.EndPoint.Address.ToString();
            if (destination.Protocol.IsSecure())
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(TlsSettings.Client(Options, host), deadline.Token).ConfigureAwait(false);
            }
            ISipConnection connection;
            if (destination.Protocol.IsWebSocket())
            {
                await WebSocketHandshake.ConnectAsync(stream, HostHeader(host, destination.EndPoint.Port), "/", deadline.Token).ConfigureAwait(false);
                var webSocket = WebSocket.CreateFromStream(stream, isServer: false, "sip", TimeSpan.FromSeconds(30));
                connection = Adopt(new WebSocketConnection(webSocket, destination, local, Sink, Options, Forget));
            }
            else
            {
                connection = Adopt(new StreamConnection(stream, destination, local, Sink, Options, Forget, weOpenedIt: true));
            }
            return connection;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or AuthenticationException)
        {
            if (stream == null)
            {
                socket.Dispose();
            }
            stream?.Dispose();
            throw new VoipException(ErrorCode.Io, $"cannot connect to {destination}: {e.Message}");
        }
    }

    private static string HostHeader(string host, int port) =>
        (IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host) + ":" + port;

    internal ISipConnection Adopt(IStartableConnection connection)
    {
        _connections.Add(connection);
        connection.Start();
        return connection;
    }

    internal void Forget(ISipConnection connection) => _connections.Remove(connection);

    internal void Log(string message) => _log(message);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        lock (_gate)
        {
            _udp.ForEach(u => u.Dispose());
            _streams.ForEach(s => s.Dispose());
            _udp.Clear();
            _streams.Clear();
        }
        _connections.CloseAll();
    }
}
