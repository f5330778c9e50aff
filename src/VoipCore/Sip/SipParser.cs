namespace VoipCore.Sip;

/// <summary>
/// Parses one SIP message: start line, header index, body framing by Content-Length, then the validation of
/// <see cref="SipMessageValidator"/>. On failure the message keeps whatever could be indexed, so a transport
/// can still answer a malformed request with <see cref="SipResponses.Create"/> when Via, From, To, Call-ID and
/// CSeq are present.
/// </summary>
public static class SipParser
{
    /// <summary>
    /// Parses <paramref name="data"/> (one datagram, or one message cut out of a stream by Transport.StreamFramer) into
    /// <paramref name="message"/>, reusing its header index, and runs the full <see cref="SipMessageValidator.Validate"/>.
    /// Bytes after Content-Length are not part of the message.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, SipMessage message, out SipParseError error)
    {
        if (!TryParseForTransaction(data, message, out error))
            return false;
        error = SipMessageValidator.ValidateRest(message);
        return !error.IsError;
    }

    /// <summary>
    /// The fast first layer of <see cref="TryParse(ReadOnlyMemory{byte}, SipMessage, out SipParseError)"/>: indexes and
    /// frames the message and validates only what transaction matching needs
    /// (<see cref="SipMessageValidator.ValidateTransactionHeaders"/>). A transport can route on this and leave the rest of
    /// the validation (<see cref="SipMessageValidator.Validate"/>, which then parses nothing twice) to whoever uses the
    /// message. Anything this rejects, <see cref="TryParse(ReadOnlyMemory{byte}, SipMessage, out SipParseError)"/> rejects
    /// with the same error.
    /// </summary>
    public static bool TryParseForTransaction(ReadOnlyMemory<byte> data, SipMessage message, out SipParseError error)
    {
        message.Reset(data);
        ReadOnlySpan<byte> s = data.Span;
        int lineEnd = s.IndexOf("\r\n"u8);
        if (lineEnd < 0)
        {
            error = SipParseError.Bad("Malformed start line");
            return false;
        }
        SipParseError startError = SipStartLine.Parse(data, lineEnd, message);

        if (!IndexHeaders(data, lineEnd + 2, message, out int bodyStart, out error))
            return false;
        if (!FrameBody(data, bodyStart, message, out error))
            return false;
        if (startError.IsError)
        {
            error = startError;
            return false;
        }
        error = SipMessageValidator.ValidateTransactionHeaders(message);
        return !error.IsError;
    }

    private static bool IndexHeaders(ReadOnlyMemory<byte> data, int pos, SipMessage message, out int bodyStart, out SipParseError error)
    {
        ReadOnlySpan<byte> s = data.Span;
        while (true)
        {
            ReadOnlySpan<byte> rest = s[pos..];
            int end = rest.IndexOf("\r\n"u8);
            if (rest.IsEmpty)
            {
                // Tolerated for datagrams: the sender ended the last header line but forgot the empty line.
                bodyStart = pos;
                error = default;
                return true;
            }
            if (end < 0)
            {
                bodyStart = 0;
                error = SipParseError.Bad("Truncated header section");
                return false;
            }
            if (end == 0)
            {
                bodyStart = pos + 2;
                error = default;
                return true;
            }
            // A CRLF followed by SP or HTAB folds the line; keep looking for the real end of the header.
            while (end + 2 < rest.Length && rest[end + 2] is (byte)' ' or (byte)'\t')
            {
                int next = rest[(end + 2)..].IndexOf("\r\n"u8);
                if (next < 0) break;
                end += 2 + next;
            }
            ReadOnlySpan<byte> line = rest[..end];
            // The name is a token directly followed (after optional SP/HTAB) by ':'; one scalar pass over a few
            // bytes beats searching the whole line for the colon and then checking the name.
            int nameEnd = SipGrammar.SkipToken(line, 0);
            int colon = nameEnd;
            while (colon < line.Length && line[colon] is (byte)' ' or (byte)'\t') colon++;
            if (nameEnd == 0 || colon == line.Length || line[colon] != ':')
            {
                bodyStart = 0;
                error = SipParseError.Bad("Malformed header line");
                return false;
            }
            int valueStart = SipGrammar.SkipWhite(line, colon + 1);
            int valueEnd = line.Length;
            while (valueEnd > valueStart && SipGrammar.IsWhite(line[valueEnd - 1])) valueEnd--;
            message.AddHeader(new HeaderField(HeaderNames.Classify(line[..nameEnd]), pos, nameEnd,
                pos + valueStart, valueEnd - valueStart, pos, line.Length));
            pos += end + 2;
        }
    }

    private static bool FrameBody(ReadOnlyMemory<byte> data, int bodyStart, SipMessage message, out SipParseError error)
    {
        int available = data.Length - bodyStart;
        int length = available;
        if (message.Count(HeaderId.ContentLength) > 1)
        {
            error = SipParseError.Bad("Multiple Content-Length", HeaderId.ContentLength);
            return false;
        }
        if (message.TryGetFirst(HeaderId.ContentLength, out ReadOnlyMemory<byte> value))
        {
            if (!SipGrammar.TryParseUInt32(value.Span, out uint declared) || declared > int.MaxValue)
            {
                error = SipParseError.Bad("Bad Content-Length", HeaderId.ContentLength);
                return false;
            }
            if (declared > available)
            {
                error = SipParseError.Bad("Content-Length larger than message", HeaderId.ContentLength);
                return false;
            }
            length = (int)declared;
        }
        message.Body = data.Slice(bodyStart, length);
        message.Length = bodyStart + length;
        error = default;
        return true;
    }
}
