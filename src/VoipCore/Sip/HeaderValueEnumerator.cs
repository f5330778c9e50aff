namespace VoipCore.Sip;

/// <summary>
/// Enumerates the values of one header across all its lines, in order. For list headers (see
/// <see cref="HeaderNames.IsList"/>) each line is split at commas that are outside quoted strings and angle
/// brackets; other headers yield one value per line. Values are trimmed slices; nothing is allocated.
/// </summary>
public struct HeaderValueEnumerator
{
    private readonly SipMessage _message;
    private readonly HeaderId _id;
    private readonly ReadOnlyMemory<byte> _unknownName;
    private readonly bool _split;
    private int _fieldIndex;
    private ReadOnlyMemory<byte> _rest;
    private bool _lineHasMore;

    internal HeaderValueEnumerator(SipMessage message, HeaderId id, ReadOnlyMemory<byte> unknownName)
    {
        _message = message;
        _id = id;
        _unknownName = unknownName;
        _split = id != HeaderId.Unknown && HeaderNames.IsList(id);
        // Known ids start at their first line (found by the index) instead of scanning from the top.
        int first = id == HeaderId.Unknown ? 0 : message.IndexOf(id);
        _fieldIndex = (first < 0 ? message.Headers.Length : first) - 1;
        _rest = default;
        _lineHasMore = false;
        Current = default;
    }

    /// <summary>The current value.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Allows <c>foreach</c>.</summary>
    public readonly HeaderValueEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next value.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            if (_lineHasMore)
            {
                int comma = SipGrammar.IndexOfUnquoted(_rest.Span, (byte)',');
                if (comma >= 0)
                {
                    Current = SipGrammar.Trim(_rest[..comma]);
                    _rest = _rest[(comma + 1)..];
                }
                else
                {
                    Current = SipGrammar.Trim(_rest);
                    _lineHasMore = false;
                }
                return true;
            }
            if (!AdvanceField()) return false;
            ReadOnlyMemory<byte> value = _message.GetValue(_message.Headers[_fieldIndex]);
            if (!_split)
            {
                Current = value;
                return true;
            }
            _rest = value;
            _lineHasMore = true;
        }
    }

    private bool AdvanceField()
    {
        ReadOnlySpan<HeaderField> fields = _message.Headers;
        for (_fieldIndex++; _fieldIndex < fields.Length; _fieldIndex++)
        {
            HeaderField f = fields[_fieldIndex];
            if (f.Id != _id) continue;
            if (_id != HeaderId.Unknown || System.Text.Ascii.EqualsIgnoreCase(_message.GetName(f).Span, _unknownName.Span))
                return true;
        }
        return false;
    }
}
