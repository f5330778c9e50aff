namespace VoipCore.Sip;

/// <summary>
/// A received SIP message: the bytes it was parsed from plus an index of its start line and header lines.
/// Header values stay slices of those bytes until a typed value is asked for, so parsing allocates nothing
/// beyond this object and its header index (and nothing at all when an instance is reused through
/// <see cref="SipParser.TryParse(ReadOnlyMemory{byte}, SipMessage, out SipParseError)"/>).
/// The buffer must not change while the message is in use.
/// </summary>
public sealed class SipMessage
{
    private readonly HeaderIndex _index = new();
    // Typed values the validator and the transaction layer both need: parsed once per message.
    private Memo<ViaHeader> _topVia;
    private Memo<CSeqHeader> _cseq;
    private Memo<NameAddress> _from;
    private Memo<NameAddress> _to;

    /// <summary>The buffer the message was parsed from (may extend past the message, see <see cref="Length"/>).</summary>
    public ReadOnlyMemory<byte> Buffer { get; private set; }

    /// <summary>Number of bytes of <see cref="Buffer"/> that belong to this message (start line to end of body).</summary>
    public int Length { get; internal set; }

    /// <summary>Request or response; <see cref="SipMessageKind.Unknown"/> if the start line was unusable.</summary>
    public SipMessageKind Kind { get; internal set; }

    /// <summary>True for requests.</summary>
    public bool IsRequest => Kind == SipMessageKind.Request;

    /// <summary>True for responses.</summary>
    public bool IsResponse => Kind == SipMessageKind.Response;

    /// <summary>The request method (<see cref="SipMethod.Unknown"/> for extensions and responses).</summary>
    public SipMethod Method { get; internal set; }

    /// <summary>The request method token as received.</summary>
    public ReadOnlyMemory<byte> MethodName { get; internal set; }

    /// <summary>The Request-URI as received.</summary>
    public ReadOnlyMemory<byte> RequestUriText { get; internal set; }

    /// <summary>The response status code (0 for requests).</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The response reason phrase as received (UTF-8, may be empty).</summary>
    public ReadOnlyMemory<byte> ReasonPhrase { get; internal set; }

    /// <summary>The body (exactly Content-Length bytes, or the rest of the datagram when Content-Length is absent).</summary>
    public ReadOnlyMemory<byte> Body { get; internal set; }

    /// <summary>The bytes of the message itself (start line to end of body).</summary>
    public ReadOnlyMemory<byte> RawMessage => Buffer[..Length];

    /// <summary>The header lines in order of appearance.</summary>
    public ReadOnlySpan<HeaderField> Headers => _index.Fields;

    /// <summary>The name of a header line as received (e.g. "v", "MaX-fOrWaRdS").</summary>
    public ReadOnlyMemory<byte> GetName(in HeaderField field) => Buffer.Slice(field.NameStart, field.NameLength);

    /// <summary>The trimmed value of a header line (may contain folded line breaks).</summary>
    public ReadOnlyMemory<byte> GetValue(in HeaderField field) => Buffer.Slice(field.ValueStart, field.ValueLength);

    /// <summary>The whole header line as received, without its final CRLF.</summary>
    public ReadOnlyMemory<byte> GetLine(in HeaderField field) => Buffer.Slice(field.LineStart, field.LineLength);

    /// <summary>The Request-URI parsed, if it is well formed.</summary>
    public bool TryGetRequestUri(out SipUri uri) => SipUri.TryParse(RequestUriText, out uri);

    /// <summary>The reason phrase as a string.</summary>
    public string GetReasonPhrase() => SipText.Decode(ReasonPhrase.Span);

    /// <summary>The method name as a string.</summary>
    public string GetMethodName() => SipText.Decode(MethodName.Span);

    /// <summary>Number of header lines with this id.</summary>
    public int Count(HeaderId id) => _index.Count(id);

    /// <summary>True when at least one line of the header is present.</summary>
    public bool Contains(HeaderId id) => _index.IndexOf(id) >= 0;

    /// <summary>The value of the first line of the header (the whole line for list headers), or false.</summary>
    public bool TryGetFirst(HeaderId id, out ReadOnlyMemory<byte> value)
    {
        int i = _index.IndexOf(id);
        value = i < 0 ? default : GetValue(Headers[i]);
        return i >= 0;
    }

    /// <summary>The values of a known header across all its lines (comma lists split), in order.</summary>
    public HeaderValueEnumerator GetValues(HeaderId id) => new(this, id, default);

    /// <summary>The values of any header by name (case-insensitive; compact forms of known headers work too).</summary>
    public HeaderValueEnumerator GetValues(string name)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(name);
        HeaderId id = HeaderNames.Classify(bytes);
        return new HeaderValueEnumerator(this, id, id == HeaderId.Unknown ? bytes : default);
    }

    /// <summary>The first value of a header (after comma splitting), or false.</summary>
    public bool TryGetFirstValue(HeaderId id, out ReadOnlyMemory<byte> value)
    {
        foreach (ReadOnlyMemory<byte> v in GetValues(id)) { value = v; return true; }
        value = default;
        return false;
    }

    /// <summary>The Call-ID value, or empty.</summary>
    public ReadOnlyMemory<byte> CallId => TryGetFirst(HeaderId.CallId, out ReadOnlyMemory<byte> v) ? v : default;

    /// <summary>Parses CSeq without allocating (once per message; later calls return the same result).</summary>
    public bool TryGetCSeq(out CSeqHeader cseq)
    {
        if (!_cseq.IsKnown)
        {
            cseq = default;
            _cseq.Set(TryGetFirst(HeaderId.CSeq, out ReadOnlyMemory<byte> v) && CSeqHeader.TryParse(v, out cseq), cseq);
        }
        return _cseq.TryGet(out cseq);
    }

    /// <summary>Parses the topmost Via value without allocating (once per message).</summary>
    public bool TryGetTopVia(out ViaHeader via)
    {
        if (!_topVia.IsKnown)
        {
            via = default;
            _topVia.Set(TryGetFirstValue(HeaderId.Via, out ReadOnlyMemory<byte> v) && ViaHeader.TryParse(v, out via), via);
        }
        return _topVia.TryGet(out via);
    }

    /// <summary>Parses From without allocating (once per message).</summary>
    public bool TryGetFrom(out NameAddress from) => TryGetAddress(HeaderId.From, ref _from, out from);

    /// <summary>Parses To without allocating (once per message).</summary>
    public bool TryGetTo(out NameAddress to) => TryGetAddress(HeaderId.To, ref _to, out to);

    /// <summary>The From tag, or empty.</summary>
    public ReadOnlyMemory<byte> FromTag => TryGetFrom(out NameAddress a) ? a.Tag : default;

    /// <summary>The To tag, or empty.</summary>
    public ReadOnlyMemory<byte> ToTag => TryGetTo(out NameAddress a) ? a.Tag : default;

    /// <summary>Max-Forwards, or -1 when absent or malformed.</summary>
    public int MaxForwards => ReadSmallNumber(HeaderId.MaxForwards);

    /// <summary>Content-Length as received, or -1 when absent or malformed.</summary>
    public int ContentLength => ReadSmallNumber(HeaderId.ContentLength);

    private int ReadSmallNumber(HeaderId id) =>
        TryGetFirst(id, out ReadOnlyMemory<byte> v) && SipGrammar.TryParseUInt32(v.Span, out uint n) && n <= int.MaxValue ? (int)n : -1;

    private bool TryGetAddress(HeaderId id, ref Memo<NameAddress> memo, out NameAddress address)
    {
        if (!memo.IsKnown)
        {
            address = default;
            memo.Set(TryGetFirst(id, out ReadOnlyMemory<byte> v) && NameAddress.TryParse(v, out address), address);
        }
        return memo.TryGet(out address);
    }

    /// <summary>Index of the first line with this id in <see cref="Headers"/>, or -1.</summary>
    internal int IndexOf(HeaderId id) => _index.IndexOf(id);

    internal void Reset(ReadOnlyMemory<byte> buffer)
    {
        Buffer = buffer;
        Length = buffer.Length;
        Kind = SipMessageKind.Unknown;
        Method = SipMethod.Unknown;
        MethodName = RequestUriText = ReasonPhrase = Body = default;
        StatusCode = 0;
        _index.Clear();
        _topVia.Clear();
        _cseq.Clear();
        _from.Clear();
        _to.Clear();
    }

    internal void AddHeader(in HeaderField field) => _index.Add(field);

    /// <summary>Parses a message from one datagram or one framed stream message; see <see cref="SipParser"/>.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, out SipMessage message, out SipParseError error)
    {
        message = new SipMessage();
        return SipParser.TryParse(data, message, out error);
    }

    /// <summary>Parses a message, throwing <see cref="FormatException"/> with the parse error's reason if it is invalid.</summary>
    public static SipMessage Parse(ReadOnlyMemory<byte> data) =>
        TryParse(data, out SipMessage message, out SipParseError error) ? message : throw new FormatException(error.ToString());
}
