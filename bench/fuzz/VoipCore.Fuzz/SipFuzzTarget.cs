using System.Buffers;
using VoipCore.Sip;

namespace VoipCore.Fuzz;

/// <summary>
/// The SIP parser's fuzz properties. Any exception escaping here is a finding: the parser reports bad input only
/// through its error result, the two validation layers agree, and an accepted message serialized by
/// <see cref="SipMessageBuilder"/> parses again to the same start line and header lines.
/// </summary>
public static class SipFuzzTarget
{
    public static void Check(ReadOnlySpan<byte> input)
    {
        byte[] data = input.ToArray();
        var message = new SipMessage();
        bool accepted = SipParser.TryParse(data, message, out SipParseError error);
        CheckLayersAgree(data, accepted, error);
        if (!accepted)
        {
            // A rejected request that kept its Via/From/To/Call-ID/CSeq must still be answerable with an error.
            if (SipResponses.CanRespond(message)) SipResponses.Create(message, error.StatusCode).ToArray();
            return;
        }
        ReadTransactionFields(message);
        CheckRoundTrip(message);
    }

    private static void CheckLayersAgree(byte[] data, bool accepted, SipParseError error)
    {
        var message = new SipMessage();
        bool fast = SipParser.TryParseForTransaction(data, message, out SipParseError fastError);
        if (!fast && (accepted || fastError != error))
            throw new FuzzCheckFailedException($"transaction layer rejected with {fastError}, full parse gave {error}");
        if (fast && SipMessageValidator.Validate(message) != error)
            throw new FuzzCheckFailedException($"layered validation disagrees with the full parse ({error})");
    }

    private static void ReadTransactionFields(SipMessage m)
    {
        if (!m.TryGetTopVia(out _) || !m.TryGetCSeq(out _) || !m.TryGetFrom(out _) || !m.TryGetTo(out _) || m.CallId.IsEmpty)
            throw new FuzzCheckFailedException("accepted message lacks a transaction header");
        _ = m.MaxForwards + m.ContentLength;
    }

    private static void CheckRoundTrip(SipMessage original)
    {
        var writer = new ArrayBufferWriter<byte>();
        SipMessageBuilder.From(original).WriteTo(writer);
        var reparsed = new SipMessage();
        if (!SipParser.TryParse(writer.WrittenMemory, reparsed, out SipParseError error))
            throw new FuzzCheckFailedException($"serialized message rejected: {error}");
        // The builder always writes a Content-Length, adding one when the original had none.
        int expectedHeaders = original.Headers.Length + (original.Contains(HeaderId.ContentLength) ? 0 : 1);
        if (reparsed.Headers.Length != expectedHeaders)
            throw new FuzzCheckFailedException($"header count {original.Headers.Length} became {reparsed.Headers.Length}");
        if (reparsed.Kind != original.Kind || reparsed.Method != original.Method || reparsed.StatusCode != original.StatusCode
            || !reparsed.MethodName.Span.SequenceEqual(original.MethodName.Span)
            || !reparsed.RequestUriText.Span.SequenceEqual(original.RequestUriText.Span)
            || !reparsed.ReasonPhrase.Span.SequenceEqual(original.ReasonPhrase.Span))
            throw new FuzzCheckFailedException("start line changed");
        if (!reparsed.Body.Span.SequenceEqual(original.Body.Span))
            throw new FuzzCheckFailedException("body changed");
    }
}
