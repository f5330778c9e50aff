using System.Text;

namespace VoipCore.Sip;

/// <summary>Builds responses to requests (RFC 3261 8.2.6) and knows the standard reason phrases.</summary>
public static class SipResponses
{
    /// <summary>
    /// Starts a response to <paramref name="request"/>: copies every Via line in order, From, To, Call-ID and CSeq
    /// (and Timestamp for 100), adds <paramref name="toTag"/> to To when To has none and the status is above 100.
    /// Works on a request that failed validation as long as those lines were indexed, so a 400 can be sent.
    /// </summary>
    public static SipMessageBuilder Create(SipMessage request, int statusCode, string? reason = null, string? toTag = null)
    {
        if (!CanRespond(request)) throw new ArgumentException("The request lacks the headers a response must copy.", nameof(request));
        SipMessageBuilder response = SipMessageBuilder.Response(statusCode, reason);
        foreach (ref readonly HeaderField f in request.Headers)
        {
            switch (f.Id)
            {
                case HeaderId.Via:
                case HeaderId.From:
                case HeaderId.CallId:
                case HeaderId.CSeq:
                case HeaderId.Timestamp when statusCode == 100:
                    response.AddParsedLine(request, f);
                    break;
                case HeaderId.To:
                    response.AddParsedValue(HeaderId.To, WithTag(request, f, statusCode, toTag));
                    break;
            }
        }
        return response;
    }

    /// <summary>True when the message is a request carrying Via, From, To, Call-ID and CSeq lines.</summary>
    public static bool CanRespond(SipMessage request) =>
        request.IsRequest && request.Method != SipMethod.Ack && request.Contains(HeaderId.Via) && request.Contains(HeaderId.From)
        && request.Contains(HeaderId.To) && request.Contains(HeaderId.CallId) && request.Contains(HeaderId.CSeq);

    private static ReadOnlyMemory<byte> WithTag(SipMessage request, in HeaderField to, int statusCode, string? toTag)
    {
        ReadOnlyMemory<byte> value = request.GetValue(to);
        if (toTag is null || statusCode == 100 || (NameAddress.TryParse(value, out NameAddress address) && address.HasTag))
            return value;
        byte[] tagged = new byte[value.Length + 5 + Encoding.UTF8.GetByteCount(toTag)];
        value.Span.CopyTo(tagged);
        ";tag="u8.CopyTo(tagged.AsSpan(value.Length));
        Encoding.UTF8.GetBytes(toTag, tagged.AsSpan(value.Length + 5));
        return tagged;
    }

    /// <summary>The RFC 3261 reason phrase for a status code (or a generic one for its class).</summary>
    public static string DefaultReason(int statusCode) => statusCode switch
    {
        100 => "Trying", 180 => "Ringing", 181 => "Call Is Being Forwarded", 182 => "Queued", 183 => "Session Progress",
        200 => "OK", 202 => "Accepted",
        300 => "Multiple Choices", 301 => "Moved Permanently", 302 => "Moved Temporarily", 305 => "Use Proxy", 380 => "Alternative Service",
        400 => "Bad Request", 401 => "Unauthorized", 402 => "Payment Required", 403 => "Forbidden", 404 => "Not Found",
        405 => "Method Not Allowed", 406 => "Not Acceptable", 407 => "Proxy Authentication Required", 408 => "Request Timeout",
        410 => "Gone", 413 => "Request Entity Too Large", 414 => "Request-URI Too Long", 415 => "Unsupported Media Type",
        416 => "Unsupported URI Scheme", 420 => "Bad Extension", 421 => "Extension Required", 423 => "Interval Too Brief",
        480 => "Temporarily Unavailable", 481 => "Call/Transaction Does Not Exist", 482 => "Loop Detected",
        483 => "Too Many Hops", 484 => "Address Incomplete", 485 => "Ambiguous", 486 => "Busy Here", 487 => "Request Terminated",
        488 => "Not Acceptable Here", 491 => "Request Pending", 493 => "Undecipherable",
        500 => "Server Internal Error", 501 => "Not Implemented", 502 => "Bad Gateway", 503 => "Service Unavailable",
        504 => "Server Time-out", 505 => "Version Not Supported", 513 => "Message Too Large",
        600 => "Busy Everywhere", 603 => "Decline", 604 => "Does Not Exist Anywhere", 606 => "Not Acceptable",
        < 200 => "Provisional", < 300 => "Success", < 400 => "Redirection", < 500 => "Client Error", < 600 => "Server Error",
        _ => "Global Failure",
    };
}
