namespace VoipCore.Sip;

/// <summary>One <c>;name[=value]</c> parameter, as slices of the received bytes.</summary>
public readonly struct SipParameter
{
    /// <summary>Creates a parameter from its name and (possibly empty) value slices.</summary>
    public SipParameter(ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value, bool hasValue)
    {
        Name = name;
        Value = value;
        HasValue = hasValue;
    }

    /// <summary>The parameter name (compare case-insensitively).</summary>
    public ReadOnlyMemory<byte> Name { get; }

    /// <summary>The raw value, including quotes if it was a quoted string; empty when <see cref="HasValue"/> is false.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>False for a parameter written without '=' (e.g. <c>;lr</c>, <c>;rport</c>).</summary>
    public bool HasValue { get; }

    /// <summary>True when the name equals <paramref name="name"/> ignoring ASCII case.</summary>
    public bool NameIs(ReadOnlySpan<byte> name) => System.Text.Ascii.EqualsIgnoreCase(Name.Span, name);

    /// <inheritdoc/>
    public override string ToString() =>
        HasValue ? $"{SipText.Decode(Name.Span)}={SipText.Decode(Value.Span)}" : SipText.Decode(Name.Span);
}
