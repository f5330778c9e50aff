namespace VoipCore.Bench.CallLoad;

/// <summary>What the report says around the levels: the machine, how the run ended, what went wrong.</summary>
internal sealed record RunSummary(
    string Started, string Machine, string Runtime, string LoadAtStart, string LoadAtEnd,
    double LivePerCallKb, double HangupSeconds, bool AllEnded, int PortsInUse, long EventsDropped, int JitterBufferBytes,
    IReadOnlyList<string> Failures);
