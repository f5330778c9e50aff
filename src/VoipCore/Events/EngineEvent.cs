namespace VoipCore.Events;

/// <summary>One event as the host sees it. <see cref="Sequence"/> is set when it is delivered.</summary>
public sealed record EngineEvent(
    EventType Type,
    ulong Handle = 0,
    ulong Related = 0,
    long Value = 0,
    long Value2 = 0,
    string? DetailJson = null)
{
    public ulong Sequence { get; internal set; }
}
