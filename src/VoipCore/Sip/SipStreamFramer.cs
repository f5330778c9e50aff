namespace VoipCore.Sip;

/// <summary>Result of looking for one message at the front of a stream buffer.</summary>
public enum FrameStatus : byte
{
    /// <summary>A whole message is available.</summary>
    Complete,
    /// <summary>More bytes are needed.</summary>
    Incomplete,
    /// <summary>The stream cannot be framed (no or bad Content-Length, or an oversized header); close the connection.</summary>
    Invalid,
}

/// <summary>
/// Cuts messages out of a TCP/TLS byte stream by Content-Length (RFC 3261 18.3), which is mandatory on streams.
/// Leading CRLFs (RFC 5626 keep-alives) are reported as bytes to skip. Allocates nothing.
/// </summary>
public static class SipStreamFramer
{
    /// <summary>Header sections larger than this without an end are treated as an attack or garbage.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>
    /// Looks for one message at the start of <paramref name="data"/>. On <see cref="FrameStatus.Complete"/> the
    /// message is <c>data.Slice(skip, length)</c>; in every case the first <paramref name="skip"/> bytes are
    /// keep-alive CRLFs the caller may drop.
    /// </summary>
    public static FrameStatus TryFrame(ReadOnlySpan<byte> data, out int skip, out int length)
    {
        skip = 0;
        length = 0;
        while (skip < data.Length && data[skip] is (byte)'\r' or (byte)'\n') skip++;
        ReadOnlySpan<byte> s = data[skip..];
        int headerEnd = s.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
            return s.Length > MaxHeaderBytes ? FrameStatus.Invalid : FrameStatus.Incomplete;

        int contentLength = -1;
        int pos = s.IndexOf("\r\n"u8) + 2;
        while (pos < headerEnd + 2)
        {
            int end = pos + s[pos..].IndexOf("\r\n"u8);
            while (end + 2 < headerEnd + 2 && s[end + 2] is (byte)' ' or (byte)'\t')
                end = end + 2 + s[(end + 2)..].IndexOf("\r\n"u8);
            ReadOnlySpan<byte> line = s[pos..end];
            int colon = line.IndexOf((byte)':');
            if (colon > 0 && HeaderNames.Classify(SipGrammar.Trim(line[..colon])) == HeaderId.ContentLength)
            {
                if (contentLength >= 0 || !SipGrammar.TryParseUInt32(SipGrammar.Trim(line[(colon + 1)..]), out uint n) || n > int.MaxValue - headerEnd - 4)
                    return FrameStatus.Invalid;
                contentLength = (int)n;
            }
            pos = end + 2;
        }
        if (contentLength < 0)
            return FrameStatus.Invalid;
        int total = headerEnd + 4 + contentLength;
        if (s.Length < total)
            return FrameStatus.Incomplete;
        length = total;
        return FrameStatus.Complete;
    }
}
