using System.Security.Cryptography;
using System.Text;

namespace VoipCore.Transport;

/// <summary>
/// The HTTP Upgrade of RFC 6455 for SIP over WebSocket (RFC 7118): both sides insist on the
/// subprotocol "sip". Written by hand over the stream so no HTTP stack enters the library.
/// </summary>
internal static class WebSocketHandshake
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private const int MaxHeaderBytes = 8192;

    /// <summary>Reads the client's GET, answers 101 (or 400/426 and throws); returns when the stream speaks WebSocket.</summary>
    public static async Task AcceptAsync(Stream stream, CancellationToken cancellation)
    {
        var request = await ReadHeadAsync(stream, cancellation).ConfigureAwait(false);
        var headers = ParseHeaders(request, out string startLine);
        string? key = headers.GetValueOrDefault("sec-websocket-key");
        bool upgrade = startLine.StartsWith("GET ", StringComparison.Ordinal)
            && headers.GetValueOrDefault("upgrade")?.Equals("websocket", StringComparison.OrdinalIgnoreCase) == true
            && key != null;
        bool sip = headers.GetValueOrDefault("sec-websocket-protocol")?.Split(',')
            .Any(p => p.Trim().Equals("sip", StringComparison.OrdinalIgnoreCase)) == true;
        if (!upgrade || !sip)
        {
            string reason = !upgrade ? "400 Bad Request" : "426 Upgrade Required";
            await WriteAsync(stream, $"HTTP/1.1 {reason}\r\nSec-WebSocket-Protocol: sip\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", cancellation).ConfigureAwait(false);
            throw new IOException(!upgrade ? "not a WebSocket upgrade request" : "WebSocket client did not offer subprotocol 'sip'");
        }
        await WriteAsync(stream,
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Accept: {AcceptKey(key!)}\r\nSec-WebSocket-Protocol: sip\r\n\r\n", cancellation).ConfigureAwait(false);
    }

    /// <summary>Sends the GET upgrade to <paramref name="hostHeader"/> and checks the 101 answer.</summary>
    public static async Task ConnectAsync(Stream stream, string hostHeader, string path, CancellationToken cancellation)
    {
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await WriteAsync(stream,
            $"GET {path} HTTP/1.1\r\nHost: {hostHeader}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: sip\r\n\r\n", cancellation).ConfigureAwait(false);
        var response = await ReadHeadAsync(stream, cancellation).ConfigureAwait(false);
        var headers = ParseHeaders(response, out string statusLine);
        if (!statusLine.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new IOException($"WebSocket upgrade refused: {statusLine}");
        }
        if (headers.GetValueOrDefault("sec-websocket-accept") != AcceptKey(key))
        {
            throw new IOException("WebSocket upgrade: wrong Sec-WebSocket-Accept");
        }
        if (headers.GetValueOrDefault("sec-websocket-protocol")?.Trim().Equals("sip", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new IOException("WebSocket upgrade: server did not select subprotocol 'sip'");
        }
    }

    private static string AcceptKey(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + Guid)));

    // Byte at a time: the head is small, and reading past it would swallow WebSocket frames.
    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellation)
    {
        var head = new byte[MaxHeaderBytes];
        int length = 0;
        while (length < head.Length)
        {
            int read = await stream.ReadAsync(head.AsMemory(length, 1), cancellation).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("connection closed during the WebSocket handshake");
            }
            length++;
            if (length >= 4 && head.AsSpan(length - 4, 4).SequenceEqual("\r\n\r\n"u8))
            {
                return Encoding.ASCII.GetString(head, 0, length);
            }
        }
        throw new IOException("WebSocket handshake head exceeds 8 KiB");
    }

    private static Dictionary<string, string> ParseHeaders(string head, out string firstLine)
    {
        var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        firstLine = lines.Length > 0 ? lines[0] : "";
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }
        return headers;
    }

    private static Task WriteAsync(Stream stream, string text, CancellationToken cancellation) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellation).AsTask();
}
