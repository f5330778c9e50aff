using VoipCore.Sip;

namespace VoipCore.Transactions;

/// <summary>
/// The ACK a client INVITE transaction sends for a 300-699 response (RFC 3261 17.1.1.3): same
/// Request-URI, Call-ID, From, CSeq number and top Via as the INVITE, To from the response
/// (with its tag), and the INVITE's Route headers. It belongs to the transaction, unlike the ACK for a 2xx.
/// </summary>
internal static class AckForFailure
{
    public static byte[] Build(SipMessage invite, SipMessage response)
    {
        var ack = SipMessageBuilder.Request(SipMethod.Ack, SipText.Decode(invite.RequestUriText.Span));
        if (invite.TryGetFirstValue(HeaderId.Via, out var topVia))
        {
            ack.Add(HeaderId.Via, topVia);
        }
        foreach (ref readonly HeaderField field in invite.Headers)
        {
            if (field.Id is HeaderId.From or HeaderId.CallId or HeaderId.Route or HeaderId.MaxForwards)
            {
                ack.AddParsedLine(invite, field);
            }
        }
        if (response.TryGetFirst(HeaderId.To, out var to))
        {
            ack.Add(HeaderId.To, to);
        }
        if (invite.TryGetCSeq(out var cseq))
        {
            ack.Add(HeaderId.CSeq, $"{cseq.Number} ACK");
        }
        return ack.ToArray();
    }
}
