namespace VoipCore.Sdp;

/// <summary>A b= line: a bandwidth type (CT, AS, TIAS, ...) and its value, in kilobits per second for CT and AS.</summary>
public sealed record Bandwidth(string Type, long Value)
{
    /// <summary>The b= value: <c>type:value</c>.</summary>
    public override string ToString() => $"{Type}:{Value}";
}
