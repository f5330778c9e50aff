namespace VoipCore.Sip;

/// <summary>A CSeq value: sequence number and method (RFC 3261 20.16).</summary>
public readonly struct CSeqHeader
{
    /// <summary>The sequence number (a 32-bit unsigned value).</summary>
    public uint Number { get; private init; }

    /// <summary>The method, or <see cref="SipMethod.Unknown"/> for an extension (see <see cref="MethodName"/>).</summary>
    public SipMethod Method { get; private init; }

    /// <summary>The method token as received.</summary>
    public ReadOnlyMemory<byte> MethodName { get; private init; }

    /// <summary>Parses <c>1*DIGIT LWS Method</c> without allocating.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out CSeqHeader cseq)
    {
        cseq = default;
        ReadOnlySpan<byte> s = value.Span;
        int pos = SipGrammar.SkipWhite(s, 0);
        int digits = pos;
        while (pos < s.Length && SipGrammar.IsDigit(s[pos])) pos++;
        if (!SipGrammar.TryParseUInt32(s[digits..pos], out uint number)) return false;
        int methodStart = SipGrammar.SkipWhite(s, pos);
        if (methodStart == pos) return false;
        int methodEnd = SipGrammar.SkipToken(s, methodStart);
        if (methodEnd == methodStart || SipGrammar.SkipWhite(s, methodEnd) != s.Length) return false;
        ReadOnlyMemory<byte> method = value[methodStart..methodEnd];
        cseq = new CSeqHeader { Number = number, Method = SipMethods.Classify(method.Span), MethodName = method };
        return true;
    }
}
