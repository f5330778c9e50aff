namespace VoipCore.Bench.CallLoad;

/// <summary>
/// What one level of concurrent calls measured over its window. "Per call" is per call with both of its ends
/// (a caller leg and a callee leg, both in this process); packet rates and jitter are per leg.
/// </summary>
internal sealed record LevelResult(
    int Calls, int Up, int FailedSoFar, double SetupSeconds, double WindowSeconds,
    double SentPerLegPerSecond, double LossForwardPercent, double LossBackwardPercent, double UnreceivedPercent,
    double JitterMeanMs, double JitterMaxMs, double DelayMeanMs, int DelayMaxMs, double DelayRoseLegsPercent,
    double ProcessCpuPercent, double CpuPerCallPercent, double AboveIdleCpuPerCallPercent, double OtherCores,
    double RssPerCallKb, double HeapPerCallKb, long Threads,
    double LibraryAllocatedPerCallPerSecond, int Gen0, int Gen1, int Gen2, string LoadAverage)
{
    /// <summary>A rise of the playout delay this big means at least one frame was inserted for late packets.</summary>
    public const int FrameMs = 20;

    public static LevelResult From(int calls, int failedSoFar, double setupSeconds, SideWindow caller, SideWindow callee,
        CpuSample start, CpuSample end, MemorySample memory, Baseline baseline)
    {
        int up = Math.Min(caller.Legs, callee.Legs);
        int perCall = Math.Max(up, 1);
        double seconds = end.SecondsSince(start);
        var (toCallee, toCaller) = (callee.Delta, caller.Delta);
        double cpu = end.ProcessPercentSince(start);
        double[] lastJitter = [.. caller.LastJitterMs, .. callee.LastJitterMs];
        double[] maxJitter = [.. caller.MaxJitterMs, .. callee.MaxJitterMs];
        int[] maxDelay = [.. caller.MaxDelayMs, .. callee.MaxDelayMs];
        int[] rise = [.. caller.MaxDelayRiseMs, .. callee.MaxDelayRiseMs];
        long sent = caller.Delta.Sent + callee.Delta.Sent;
        double Kb(long bytes) => bytes / 1024.0 / perCall;
        return new LevelResult(
            calls, up, failedSoFar, setupSeconds, seconds,
            SendRate(caller.Delta, caller.Legs, callee.Delta, callee.Legs),
            SequenceLossPercent(toCallee), SequenceLossPercent(toCaller),
            sent == 0 ? 0 : 100.0 * (1 - (double)(toCallee.Received + toCaller.Received) / sent),
            MeanOrZero(lastJitter), maxJitter.DefaultIfEmpty().Max(), MeanOrZero(maxDelay.Select(d => (double)d)), maxDelay.DefaultIfEmpty().Max(),
            rise.Length == 0 ? 0 : 100.0 * rise.Count(r => r >= FrameMs) / rise.Length,
            cpu, cpu / perCall, (cpu - baseline.IdleCpuPercent) / perCall, end.MachineCoresSince(start) - cpu / 100,
            Kb(memory.RssBytes - baseline.Memory.RssBytes), Kb(memory.HeapBytes - baseline.Memory.HeapBytes), memory.Threads,
            (end.Allocated - start.Allocated - caller.OwnAllocatedBytes - callee.OwnAllocatedBytes) / seconds / perCall,
            end.Gen0 - start.Gen0, end.Gen1 - start.Gen1, end.Gen2 - start.Gen2, ProcFs.LoadAverage());
    }

    /// <summary>Each side's packets over the time between its own readings, so the rate does not depend on how long reading 1000 legs took.</summary>
    private static double SendRate(PacketTotals caller, int callerLegs, PacketTotals callee, int calleeLegs) =>
        callerLegs + calleeLegs == 0 ? 0 : (caller.Sent / caller.Seconds + callee.Sent / callee.Seconds) / (callerLegs + calleeLegs);

    /// <summary>Loss as the receiver's RTP sequence numbers show it: gaps over gaps plus arrivals (packets in flight at the edges do not count).</summary>
    private static double SequenceLossPercent(PacketTotals received) =>
        received.Received + received.Lost <= 0 ? 0 : 100.0 * received.Lost / (received.Received + received.Lost);

    private static double MeanOrZero(IEnumerable<double> values) => values.DefaultIfEmpty().Average();
}
