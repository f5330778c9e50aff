namespace VoipCore.Sdp;

/// <summary>An a= line: <c>a=name</c> (a flag, <see cref="Value"/> null) or <c>a=name:value</c>.</summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <summary>The text after <c>a=</c>.</summary>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
