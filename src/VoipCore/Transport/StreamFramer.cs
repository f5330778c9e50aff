using System.Text;

namespace VoipCore.Transport;

/// <summary>What <see cref="StreamFramer.Frame"/> found at the start of a stream buffer.</summary>
public enum FrameKind
{
    /// <summary>Not enough bytes yet.</summary>
    NeedMore,
    /// <summary>A whole message of <see cref="StreamFrame.Length"/> bytes.</summary>
    Message,
    /// <summary>A double-CRLF keep-alive ping (RFC 5626 section 3.5.1), to be answered with a single CRLF.</summary>
    Ping,
    /// <summary>Stray CRLFs (a pong, or padding between messages) to skip.</summary>
    Padding,
    /// <summary>The headers or the declared body exceed the maximum message size.</summary>
    Oversized,
    /// <summary>No usable Content-Length: a stream cannot be framed (RFC 3261 18.3), the connection must close.</summary>
    Malformed,
}

public readonly record struct StreamFrame(FrameKind Kind, int Length);

/// <summary>
/// Splits SIP messages out of a byte stream by Content-Length (RFC 3261 section 18.3). It reads
/// only the header block's Content-Length line; everything else is the parser's business.
/// </summary>
public static class StreamFramer
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    public static StreamFrame Frame(ReadOnlySpan<byte> buffer, int maxMessageSize)
    {
        if (buffer.IsEmpty)
        {
            return new(FrameKind.NeedMore, 0);
        }
        if (buffer[0] is (byte)'\r' or (byte)'\n')
        {
            return FramePadding(buffer);
        }
        int headerEnd = buffer.IndexOf(HeaderEnd);
        if (headerEnd < 0)
        {
            return new(buffer.Length > maxMessageSize ? FrameKind.Oversized : FrameKind.NeedMore, buffer.Length);
        }
        int bodyStart = headerEnd + HeaderEnd.Length;
        if (!TryFindContentLength(buffer[..(headerEnd + 2)], out long bodyLength))
        {
            return new(FrameKind.Malformed, bodyStart);
        }
        long total = bodyStart + bodyLength;
        if (total > maxMessageSize)
        {
            return new(FrameKind.Oversized, bodyStart);
        }
        return buffer.Length >= total ? new(FrameKind.Message, (int)total) : new(FrameKind.NeedMore, buffer.Length);
    }

    private static StreamFrame FramePadding(ReadOnlySpan<byte> buffer)
    {
        if (buffer.StartsWith(HeaderEnd))
        {
            return new(FrameKind.Ping, HeaderEnd.Length);
        }
        int run = 0;
        while (run < buffer.Length && buffer[run] is (byte)'\r' or (byte)'\n')
        {
            run++;
        }
        // "\r\n\r" might be the start of a ping whose last byte has not arrived yet.
        bool couldBePing = run == buffer.Length && run < HeaderEnd.Length && HeaderEnd.StartsWith(buffer);
        return couldBePing ? new(FrameKind.NeedMore, 0) : new(FrameKind.Padding, run);
    }

    /// <summary>Finds "Content-Length:" or compact "l:" at the start of a header line and reads its decimal value.</summary>
    private static bool TryFindContentLength(ReadOnlySpan<byte> headers, out long length)
    {
        length = 0;
        int lineStart = headers.IndexOf("\r\n"u8);
        while (lineStart >= 0 && lineStart + 2 < headers.Length)
        {
            var line = headers[(lineStart + 2)..];
            int lineLength = line.IndexOf("\r\n"u8);
            if (lineLength < 0)
            {
                lineLength = line.Length;
            }
            if (TryReadContentLength(line[..lineLength], out length))
            {
                return true;
            }
            lineStart += 2 + lineLength;
        }
        return false;
    }

    private static bool TryReadContentLength(ReadOnlySpan<byte> line, out long length)
    {
        length = 0;
        int colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }
        var name = line[..colon].TrimEnd(" \t"u8);
        if (!(Ascii.EqualsIgnoreCase(name, "Content-Length"u8) || Ascii.EqualsIgnoreCase(name, "l"u8)))
        {
            return false;
        }
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (value.IsEmpty || value.Length > 10)
        {
            return false;
        }
        foreach (byte digit in value)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            length = length * 10 + (digit - '0');
        }
        return true;
    }
}
