namespace VoipCore.Sip;

/// <summary>
/// The outcome of parsing one typed header value, kept so the validator and later readers parse it only once.
/// </summary>
internal struct Memo<T> where T : struct
{
    private T _value;
    private bool _ok;

    /// <summary>True once <see cref="Set"/> has stored an outcome (success or failure).</summary>
    public bool IsKnown { readonly get; private set; }

    public void Set(bool ok, in T value)
    {
        _ok = ok;
        _value = ok ? value : default;
        IsKnown = true;
    }

    public readonly bool TryGet(out T value)
    {
        value = _value;
        return _ok;
    }

    public void Clear() => IsKnown = false;
}
