namespace VoipCore.Sip;

/// <summary>
/// The header lines of one message in order, plus which ids occur once or more and where each first occurs,
/// so presence, "more than one" and first-line lookups cost O(1) instead of a scan of every line. The masks are
/// the only state cleared per message: a first-line slot is read only when its presence bit is set.
/// One bit per <see cref="HeaderId"/>, so the enum must stay below 64 values (a test checks it).
/// </summary>
internal sealed class HeaderIndex
{
    private HeaderField[] _fields = new HeaderField[24];
    private readonly int[] _first = new int[64];
    private int _count;
    private ulong _present;
    private ulong _repeated;

    public ReadOnlySpan<HeaderField> Fields => _fields.AsSpan(0, _count);

    public void Clear()
    {
        _count = 0;
        _present = _repeated = 0;
    }

    public void Add(in HeaderField field)
    {
        if (_count == _fields.Length)
            Array.Resize(ref _fields, _fields.Length * 2);
        ulong bit = 1UL << (int)field.Id;
        if ((_present & bit) == 0) _first[(int)field.Id] = _count;
        else _repeated |= bit;
        _present |= bit;
        _fields[_count++] = field;
    }

    /// <summary>Index of the first line with this id, or -1.</summary>
    public int IndexOf(HeaderId id) => (_present & (1UL << (int)id)) != 0 ? _first[(int)id] : -1;

    /// <summary>True when the id occurs on more than one line.</summary>
    public bool IsRepeated(HeaderId id) => (_repeated & (1UL << (int)id)) != 0;

    public int Count(HeaderId id)
    {
        int first = IndexOf(id);
        if (first < 0) return 0;
        if (!IsRepeated(id)) return 1;
        int n = 0;
        foreach (ref readonly HeaderField f in Fields[first..])
            if (f.Id == id) n++;
        return n;
    }
}
