using VoipCore.Sip;

namespace VoipCore.Transactions;

/// <summary>The fields RFC 3261 8.2.2.2 compares to spot a request that reached us twice by different paths.</summary>
internal readonly record struct MergedRequestKey(string CallId, string FromTag, uint CSeq, SipMethod Method, string MethodName)
{
    /// <summary>Only out-of-dialog requests (no To tag) with a From tag can be merged.</summary>
    public static MergedRequestKey? Of(SipMessage request)
    {
        if (!request.ToTag.IsEmpty || request.FromTag.IsEmpty || !request.TryGetCSeq(out var cseq))
        {
            return null;
        }
        return new MergedRequestKey(SipText.Decode(request.CallId.Span), SipText.Decode(request.FromTag.Span), cseq.Number,
            request.Method, request.Method == SipMethod.Unknown ? request.GetMethodName() : "");
    }
}
