namespace VoipCore.Sip;

/// <summary>
/// The checks that make a parsed message acceptable to the transaction layer (RFC 3261 8.1.1, 8.2.2 and the
/// RFC 4475 expectations): mandatory headers present once and well formed, CSeq method matching the request
/// method, well-formed Via, Contact, Route and Record-Route values, and a Request-URI without escaped headers.
/// Max-Forwards is optional because RFC 2543 clients do not send it (RFC 4475 3.4.1); unknown headers and
/// headers the stack does not rely on (Date, Expires, ...) are not checked here.
/// </summary>
/// <remarks>
/// The checks run in one fixed order, split in two layers: <see cref="ValidateTransactionHeaders"/> is the prefix a
/// transaction needs (everything up to the top Via), the rest (further Via values, Contact, Route, Record-Route) follows
/// in <see cref="Validate"/>. Because the first layer is a prefix of the same order, a message it rejects is rejected
/// by <see cref="Validate"/> with the same error, and <see cref="Validate"/> after it repeats no parsing (the message
/// keeps the typed values it parsed).
/// </remarks>
public static class SipMessageValidator
{
    private static readonly HeaderId[] Mandatory = [HeaderId.To, HeaderId.From, HeaderId.CallId, HeaderId.CSeq, HeaderId.Via];
    private static readonly HeaderId[] Singletons = [HeaderId.From, HeaderId.To, HeaderId.CallId, HeaderId.CSeq, HeaderId.MaxForwards, HeaderId.ContentType];

    /// <summary>Returns the first problem found, or the default (no error) value. Allocates nothing.</summary>
    public static SipParseError Validate(SipMessage message)
    {
        SipParseError error = ValidateTransactionHeaders(message);
        return error.IsError ? error : ValidateRest(message);
    }

    /// <summary>
    /// The first layer: start-line URI, mandatory and single headers, CSeq (and its method), From, To, Call-ID,
    /// Max-Forwards and the top Via. Returns the first problem found, or the default value. Allocates nothing.
    /// </summary>
    public static SipParseError ValidateTransactionHeaders(SipMessage message)
    {
        foreach (HeaderId id in Mandatory)
            if (!message.Contains(id)) return SipParseError.Bad(MissingReason(id), id);
        foreach (HeaderId id in Singletons)
            if (message.Count(id) > 1) return SipParseError.Bad(MultipleReason(id), id);

        if (message.IsRequest)
        {
            if (!SipUri.TryParse(message.RequestUriText, out SipUri uri) || (uri.IsSip && !uri.Headers.IsEmpty))
                return SipParseError.Bad("Bad Request-URI");
        }

        if (!message.TryGetCSeq(out CSeqHeader cseq))
            return SipParseError.Bad("Bad CSeq", HeaderId.CSeq);
        if (message.IsRequest && !cseq.MethodName.Span.SequenceEqual(message.MethodName.Span))
            return SipParseError.Bad("CSeq method mismatch", HeaderId.CSeq);

        if (!message.TryGetFrom(out NameAddress from) || from.IsWildcard)
            return SipParseError.Bad("Bad From", HeaderId.From);
        if (!message.TryGetTo(out NameAddress to) || to.IsWildcard)
            return SipParseError.Bad("Bad To", HeaderId.To);

        ReadOnlySpan<byte> callId = message.CallId.Span;
        if (callId.IsEmpty || callId.IndexOfAny(" \t\r\n"u8) >= 0)
            return SipParseError.Bad("Bad Call-ID", HeaderId.CallId);

        if (message.TryGetFirst(HeaderId.MaxForwards, out ReadOnlyMemory<byte> maxForwards)
            && (!SipGrammar.TryParseUInt32(maxForwards.Span, out uint hops) || hops > 255))
            return SipParseError.Bad("Bad Max-Forwards", HeaderId.MaxForwards);

        if (!message.TryGetTopVia(out _))
            return SipParseError.Bad("Bad Via", HeaderId.Via);
        return default;
    }

    /// <summary>The second layer, for a message that passed <see cref="ValidateTransactionHeaders"/>.</summary>
    internal static SipParseError ValidateRest(SipMessage message)
    {
        if (!LowerViasAreValid(message))
            return SipParseError.Bad("Bad Via", HeaderId.Via);
        if (!ContactsAreValid(message))
            return SipParseError.Bad("Bad Contact", HeaderId.Contact);
        if (!RoutesAreValid(message, HeaderId.Route))
            return SipParseError.Bad("Bad Route", HeaderId.Route);
        if (!RoutesAreValid(message, HeaderId.RecordRoute))
            return SipParseError.Bad("Bad Record-Route", HeaderId.RecordRoute);
        return default;
    }

    private static bool LowerViasAreValid(SipMessage message)
    {
        // The top Via was checked by the first layer (and is kept by the message); only the others are parsed here.
        bool top = true;
        foreach (ReadOnlyMemory<byte> via in message.GetValues(HeaderId.Via))
        {
            if (!top && !ViaHeader.TryParse(via, out _)) return false;
            top = false;
        }
        return true;
    }

    private static bool ContactsAreValid(SipMessage message)
    {
        int count = 0;
        bool wildcard = false;
        foreach (ReadOnlyMemory<byte> value in message.GetValues(HeaderId.Contact))
        {
            if (!NameAddress.TryParse(value, out NameAddress contact)) return false;
            wildcard |= contact.IsWildcard;
            count++;
        }
        // "Contact: *" must stand alone (RFC 3261 10.2.2).
        return !wildcard || count == 1;
    }

    private static bool RoutesAreValid(SipMessage message, HeaderId id)
    {
        foreach (ReadOnlyMemory<byte> value in message.GetValues(id))
            if (!NameAddress.TryParse(value, out NameAddress route) || !route.IsNameAddr) return false;
        return true;
    }

    private static string MissingReason(HeaderId id) => id switch
    {
        HeaderId.Via => "Missing Via",
        HeaderId.From => "Missing From",
        HeaderId.To => "Missing To",
        HeaderId.CallId => "Missing Call-ID",
        _ => "Missing CSeq",
    };

    private static string MultipleReason(HeaderId id) => id switch
    {
        HeaderId.From => "Multiple From",
        HeaderId.To => "Multiple To",
        HeaderId.CallId => "Multiple Call-ID",
        HeaderId.CSeq => "Multiple CSeq",
        HeaderId.MaxForwards => "Multiple Max-Forwards",
        _ => "Multiple Content-Type",
    };
}
