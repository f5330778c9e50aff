using System.Buffers;

namespace VoipCore.Transport;

/// <summary>
/// A TCP or TLS connection: reads the byte stream, frames messages by Content-Length, answers
/// double-CRLF pings, and serializes writes. It closes itself on a framing error, on idle timeout
/// and when the peer goes away; nothing it meets stops the engine.
/// </summary>
internal sealed class StreamConnection : IStartableConnection
{
    private static readonly byte[] Pong = "\r\n"u8.ToArray();
    private static readonly byte[] Ping = "\r\n\r\n"u8.ToArray();

    private readonly Stream _stream;
    private readonly ITransportSink _sink;
    private readonly TransportOptions _options;
    private readonly Action<ISipConnection> _onClosed;
    private readonly bool _weOpenedIt;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private long _lastActivity = Environment.TickCount64;
    private int _closed;

    public TransportAddress Remote { get; }
    public TransportAddress Local { get; }
    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    public StreamConnection(Stream stream, TransportAddress remote, TransportAddress local, ITransportSink sink,
        TransportOptions options, Action<ISipConnection> onClosed, bool weOpenedIt)
    {
        _weOpenedIt = weOpenedIt;
        _stream = stream;
        Remote = remote;
        Local = local;
        _sink = sink;
        _options = options;
        _onClosed = onClosed;
    }

    public void Start()
    {
        _ = ReadLoop();
        _ = IdleWatch();
        if (_weOpenedIt && _options.KeepAliveInterval > TimeSpan.Zero)
        {
            _ = KeepAlive();
        }
    }

    private async Task KeepAlive()
    {
        try
        {
            while (IsOpen)
            {
                await Task.Delay(_options.KeepAliveInterval / 4, _stop.Token).ConfigureAwait(false);
                if (Environment.TickCount64 - Volatile.Read(ref _lastActivity) >= _options.KeepAliveInterval.TotalMilliseconds)
                {
                    await SendAsync(Ping, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested || !IsOpen)
        {
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation)
    {
        if (!IsOpen)
        {
            throw new IOException($"connection to {Remote} is closed");
        }
        await _writeGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(message, cancellation).ConfigureAwait(false);
            await _stream.FlushAsync(cancellation).ConfigureAwait(false);
            Touch();
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
        byte[] buffer = ArrayPool<byte>.Shared.Rent(8192);
        int filled = 0;
        try
        {
            while (IsOpen)
            {
                if (filled == buffer.Length)
                {
                    buffer = Grow(buffer, filled);
                }
                int read = await _stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                Touch();
                filled += read;
                filled = await Consume(buffer, filled).ConfigureAwait(false);
                if (filled < 0)
                {
                    return;
                }
            }
        }
        catch (Exception) when (!IsOpen || _stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close();
        }
    }

    /// <summary>Hands every complete message upward; returns the bytes left over, or -1 to close.</summary>
    private async ValueTask<int> Consume(byte[] buffer, int filled)
    {
        int offset = 0;
        while (offset < filled)
        {
            var frame = StreamFramer.Frame(buffer.AsSpan(offset, filled - offset), _options.MaxMessageSize);
            switch (frame.Kind)
            {
                case FrameKind.NeedMore:
                    Buffer.BlockCopy(buffer, offset, buffer, 0, filled - offset);
                    return filled - offset;
                case FrameKind.Padding:
                    offset += frame.Length;
                    break;
                case FrameKind.Ping:
                    offset += frame.Length;
                    await SendAsync(Pong, _stop.Token).ConfigureAwait(false);
                    break;
                case FrameKind.Message:
                    _sink.OnMessage(new InboundMessage(buffer.AsSpan(offset, frame.Length).ToArray(), Remote, Local, this));
                    offset += frame.Length;
                    break;
                case FrameKind.Oversized:
                    _sink.OnOversized(buffer.AsSpan(offset, Math.Min(frame.Length, 4096)).ToArray(), Remote, this);
                    return -1;
                default:
                    // Without a Content-Length the stream cannot be resynchronized (RFC 3261 18.3).
                    return -1;
            }
        }
        return 0;
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, larger, 0, filled);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private void Touch() => Volatile.Write(ref _lastActivity, Environment.TickCount64);

    private async Task IdleWatch()
    {
        var period = TimeSpan.FromMilliseconds(Math.Max(50, _options.IdleTimeout.TotalMilliseconds / 4));
        try
        {
            while (IsOpen)
            {
                await Task.Delay(period, _stop.Token).ConfigureAwait(false);
                if (Environment.TickCount64 - Volatile.Read(ref _lastActivity) > _options.IdleTimeout.TotalMilliseconds)
                {
                    Close();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        _stop.Cancel();
        _stream.Dispose();
        _onClosed(this);
    }
}
