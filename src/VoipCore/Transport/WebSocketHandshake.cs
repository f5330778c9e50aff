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
        var (startLine, headers) = ParseHead(request);
        string? key = Header(headers, "sec-websocket-key");
        bool upgrade = startLine.StartsWith("GET ", StringComparison.Ordinal)
            && Header(headers, "upgrade")?.Equals("websocket", StringComparison.OrdinalIgnoreCase) == true
            && key != null;
        bool sip = Header(headers, "sec-websocket-protocol")?.Split(',')
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
        byte[] request = Encoding.ASCII.GetBytes(
            $"GET {path} HTTP/1.1\r\nHost: {hostHeader}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: sip\r\n\r\n");
        await stream.WriteAsync(request, cancellation).ConfigureAwait(false);
        string response = await ReadHeadAsync(stream, cancellation).ConfigureAwait(false);
        CheckUpgradeResponse(response, key);
    }

    private static void CheckUpgradeResponse(string response, string key)
    {
        var (statusLine, headers) = ParseHead(response);
        if (!statusLine.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new IOException($"WebSocket upgrade refused: {statusLine}");
        }
        if (Header(headers, "sec-websocket-accept") != AcceptKey(key))
        {
            throw new IOException("WebSocket upgrade: wrong Sec-WebSocket-Accept");
        }
        if (Header(headers, "sec-websocket-protocol")?.Trim().Equals("sip", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new IOException("WebSocket upgrade: server did not select subprotocol 'sip'");
        }
    }

    private static string? Header(Dictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : null;

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

    // Returned as a record: the earlier shape (an out parameter for the first line, LINQ's Skip for the
    // rest) crashed with a NullReferenceException under Native AOT (.NET 10.0.12) on the client side
    // of the handshake, while the JIT ran it correctly.
    private sealed record HttpHead(string FirstLine, Dictionary<string, string> Headers);

    private static HttpHead ParseHead(string head)
    {
        string[] lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                headers[lines[i][..colon].Trim().ToLowerInvariant()] = lines[i][(colon + 1)..].Trim();
            }
        }
        return new HttpHead(lines.Length > 0 ? lines[0] : "", headers);
    }

    private static Task WriteAsync(Stream stream, string text, CancellationToken cancellation) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellation).AsTask();
}
