using System.Net.WebSockets;

namespace VoipCore.Transport;

/// <summary>SIP over WebSocket (RFC 7118): each WebSocket message carries exactly one SIP message.</summary>
internal sealed class WebSocketConnection : IStartableConnection
{
    private readonly WebSocket _socket;
    private readonly ITransportSink _sink;
    private readonly TransportOptions _options;
    private readonly Action<ISipConnection> _onClosed;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _closed;

    public TransportAddress Remote { get; }
    public TransportAddress Local { get; }
    public bool IsOpen => Volatile.Read(ref _closed) == 0 && _socket.State == WebSocketState.Open;

    public WebSocketConnection(WebSocket socket, TransportAddress remote, TransportAddress local, ITransportSink sink,
        TransportOptions options, Action<ISipConnection> onClosed)
    {
        _socket = socket;
        Remote = remote;
        Local = local;
        _sink = sink;
        _options = options;
        _onClosed = onClosed;
    }

    public void Start() => _ = ReadLoop();

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation)
    {
        await _writeGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            // RFC 7118 5.1: text frames for UTF-8 SIP; SIP messages are UTF-8 here.
            await _socket.SendAsync(message, WebSocketMessageType.Text, true, cancellation).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            Close();
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[_options.MaxMessageSize + 1];
        try
        {
            while (IsOpen)
            {
                int filled = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (filled == buffer.Length)
                    {
                        _sink.OnOversized(buffer.AsSpan(0, 4096).ToArray(), Remote, this);
                        return;
                    }
                    result = await _socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                    filled += result.Count;
                }
                while (!result.EndOfMessage);
                if (filled > _options.MaxMessageSize)
                {
                    _sink.OnOversized(buffer.AsSpan(0, 4096).ToArray(), Remote, this);
                    return;
                }
                if (filled > 0)
                {
                    _sink.OnMessage(new InboundMessage(buffer.AsSpan(0, filled).ToArray(), Remote, Local, this));
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested || !IsOpen)
        {
        }
        catch (WebSocketException)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            Close();
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        _stop.Cancel();
        _socket.Abort();
        _socket.Dispose();
        _onClosed(this);
    }
}
