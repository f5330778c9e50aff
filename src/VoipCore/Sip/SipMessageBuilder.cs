using System.Buffers;
using System.Text;

namespace VoipCore.Sip;

/// <summary>
/// Builds or edits a message: start line, an ordered list of header lines and a body, written to an
/// <see cref="IBufferWriter{T}"/>. Lines taken from a parsed message are kept as their original bytes (unknown
/// headers pass through untouched, and an unedited message serializes to the bytes it came from);
/// Content-Length is always computed from the body.
/// </summary>
public sealed class SipMessageBuilder
{
    private readonly List<Line> _lines = new();
    private ReadOnlyMemory<byte> _startLine;

    private readonly record struct Line(HeaderId Id, ReadOnlyMemory<byte> Name, ReadOnlyMemory<byte> Value, ReadOnlyMemory<byte> Raw);

    private SipMessageBuilder(ReadOnlyMemory<byte> startLine) => _startLine = startLine;

    /// <summary>The status code of a response start line, or 0 for a request.</summary>
    public int StatusCode
    {
        get
        {
            ReadOnlySpan<byte> line = _startLine.Span;
            return line.Length >= 11 && line.StartsWith("SIP/2.0 "u8) && int.TryParse(line.Slice(8, 3), out int code) ? code : 0;
        }
    }

    /// <summary>The body; setting it changes the Content-Length written.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>Starts a request with a Request-Line for <paramref name="method"/> and <paramref name="requestUri"/>.</summary>
    public static SipMessageBuilder Request(string method, string requestUri) =>
        new(Encoding.UTF8.GetBytes($"{method} {requestUri} SIP/2.0"));

    /// <summary>Starts a request for a known method.</summary>
    public static SipMessageBuilder Request(SipMethod method, string requestUri) =>
        Request(Encoding.ASCII.GetString(SipMethods.GetName(method)), requestUri);

    /// <summary>Starts a response; without a reason phrase the standard one for the code is used.</summary>
    public static SipMessageBuilder Response(int statusCode, string? reason = null)
    {
        if (statusCode is < 100 or > 699) throw new ArgumentOutOfRangeException(nameof(statusCode));
        return new(Encoding.UTF8.GetBytes($"SIP/2.0 {statusCode} {reason ?? SipResponses.DefaultReason(statusCode)}"));
    }

    /// <summary>Starts from a parsed message, keeping its start line, header lines (as raw bytes) and body.</summary>
    public static SipMessageBuilder From(SipMessage message)
    {
        ReadOnlyMemory<byte> raw = message.RawMessage;
        var builder = new SipMessageBuilder(raw[..raw.Span.IndexOf("\r\n"u8)]) { Body = message.Body };
        foreach (ref readonly HeaderField f in message.Headers)
            builder.AddParsedLine(message, f);
        return builder;
    }

    /// <summary>Appends a line of a parsed message as its original bytes (folding and name form kept).</summary>
    internal void AddParsedLine(SipMessage message, in HeaderField field) =>
        _lines.Add(new Line(field.Id, message.GetName(field), message.GetValue(field), message.GetLine(field)));

    /// <summary>Appends a line whose value came from a parsed message (it may contain folds, which are valid).</summary>
    internal void AddParsedValue(HeaderId id, ReadOnlyMemory<byte> value) => _lines.Add(new Line(id, default, value, default));

    /// <summary>Replaces the Request-Line (e.g. when a proxy retargets).</summary>
    public SipMessageBuilder SetRequestLine(string method, string requestUri)
    {
        _startLine = Encoding.UTF8.GetBytes($"{method} {requestUri} SIP/2.0");
        return this;
    }

    /// <summary>Number of header lines (Content-Length lines included).</summary>
    public int HeaderCount => _lines.Count;

    /// <summary>Appends a header line.</summary>
    public SipMessageBuilder Add(HeaderId id, ReadOnlyMemory<byte> value) => Insert(_lines.Count, id, value);

    /// <summary>Appends a header line.</summary>
    public SipMessageBuilder Add(HeaderId id, string value) => Add(id, Encoding.UTF8.GetBytes(value));

    /// <summary>Appends a header line by name (known names map to their id; unknown ones are written as given).</summary>
    public SipMessageBuilder Add(string name, string value)
    {
        byte[] nameBytes = Encoding.ASCII.GetBytes(name);
        if (!SipGrammar.IsToken(nameBytes)) throw new ArgumentException("Header names are tokens.", nameof(name));
        _lines.Add(new Line(HeaderNames.Classify(nameBytes), nameBytes, Encoding.UTF8.GetBytes(value), default));
        return this;
    }

    /// <summary>
    /// Inserts a header line before all others of the same id, as a proxy prepends Via; with none, it becomes the
    /// first header line, so a client transaction adding Via to a request built without one puts it on top, where
    /// RFC 3261 7.3.1 recommends the headers proxies need.
    /// </summary>
    public SipMessageBuilder Prepend(HeaderId id, string value)
    {
        int first = _lines.FindIndex(l => l.Id == id);
        return Insert(first < 0 ? 0 : first, id, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Removes every line of the header; returns how many were removed.</summary>
    public int Remove(HeaderId id) => _lines.RemoveAll(l => l.Id == id);

    /// <summary>Removes every line of a header by name (case-insensitive); returns how many were removed.</summary>
    public int Remove(string name)
    {
        byte[] nameBytes = Encoding.ASCII.GetBytes(name);
        HeaderId id = HeaderNames.Classify(nameBytes);
        return id != HeaderId.Unknown ? Remove(id) : _lines.RemoveAll(l => l.Id == HeaderId.Unknown && Ascii.EqualsIgnoreCase(l.Name.Span, nameBytes));
    }

    /// <summary>
    /// Removes the first value of a header: the whole line if it has one value, else the first comma-separated
    /// element (what a proxy does to the top Via of a response or the top Route of a request).
    /// </summary>
    public bool RemoveFirstValue(HeaderId id)
    {
        int i = _lines.FindIndex(l => l.Id == id);
        if (i < 0) return false;
        ReadOnlyMemory<byte> value = _lines[i].Value;
        int comma = HeaderNames.IsList(id) ? SipGrammar.IndexOfUnquoted(value.Span, (byte)',') : -1;
        if (comma < 0) _lines.RemoveAt(i);
        else _lines[i] = new Line(id, _lines[i].Name, SipGrammar.Trim(value[(comma + 1)..]), default);
        return true;
    }

    /// <summary>Replaces all lines of the header with one line holding <paramref name="value"/>, at the first one's place.</summary>
    public SipMessageBuilder Set(HeaderId id, string value)
    {
        int first = _lines.FindIndex(l => l.Id == id);
        Remove(id);
        return Insert(first < 0 ? _lines.Count : first, id, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Sets the body and its Content-Type.</summary>
    public SipMessageBuilder SetBody(string contentType, ReadOnlyMemory<byte> body)
    {
        Set(HeaderId.ContentType, contentType);
        Body = body;
        return this;
    }

    /// <summary>True when a line of the header is present.</summary>
    public bool Contains(HeaderId id) => _lines.Exists(l => l.Id == id);

    private SipMessageBuilder Insert(int index, HeaderId id, ReadOnlyMemory<byte> value)
    {
        if (id == HeaderId.Unknown) throw new ArgumentException("Use Add(name, value) for unknown headers.", nameof(id));
        if (value.Span.IndexOfAny((byte)'\r', (byte)'\n') >= 0) throw new ArgumentException("Header values cannot contain line breaks.", nameof(value));
        _lines.Insert(index, new Line(id, default, value, default));
        return this;
    }

    /// <summary>Writes the message. Content-Length is written where the first one was (or last) and equals the body length.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        writer.WriteBytes(_startLine.Span);
        writer.WriteBytes("\r\n"u8);
        bool lengthWritten = false;
        foreach (Line line in _lines)
        {
            if (line.Id == HeaderId.ContentLength)
            {
                if (!lengthWritten) WriteContentLength(writer, line);
                lengthWritten = true;
                continue;
            }
            WriteLine(writer, line);
        }
        if (!lengthWritten) WriteContentLength(writer, default);
        writer.WriteBytes("\r\n"u8);
        writer.WriteBytes(Body.Span);
    }

    private void WriteContentLength(IBufferWriter<byte> writer, Line existing)
    {
        // Keep the received line when it is still right, so an unedited message keeps its bytes.
        if (!existing.Raw.IsEmpty && SipGrammar.TryParseUInt32(existing.Value.Span, out uint declared) && declared == Body.Length)
        {
            WriteLine(writer, existing);
            return;
        }
        writer.WriteBytes("Content-Length: "u8);
        writer.WriteNumber(Body.Length);
        writer.WriteBytes("\r\n"u8);
    }

    private static void WriteLine(IBufferWriter<byte> writer, Line line)
    {
        if (!line.Raw.IsEmpty) writer.WriteBytes(line.Raw.Span);
        else
        {
            writer.WriteBytes(line.Name.IsEmpty ? HeaderNames.GetName(line.Id) : line.Name.Span);
            writer.WriteBytes(": "u8);
            writer.WriteBytes(line.Value.Span);
        }
        writer.WriteBytes("\r\n"u8);
    }

    /// <summary>Serializes into a new array.</summary>
    public byte[] ToArray() => SipSerializer.ToArray(this);
}
