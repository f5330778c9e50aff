namespace VoipCore.Bench.CallLoad;

/// <summary>The process with both engines up and no calls: what each level's memory and CPU are measured against.</summary>
internal sealed record Baseline(MemorySample Memory, double IdleCpuPercent, string LoadAverage)
{
    /// <summary>Calls of the warm-up, which JIT-compiles the call and media paths so their code is in the baseline, not in the first level's memory.</summary>
    public const int WarmupCalls = 10;

    private const int IdleSeconds = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs the warm-up, collects what it left, then measures memory and the CPU of idle engines (their media clocks still tick).</summary>
    public static Baseline Measure(CallFarm farm, int callsPerSecond)
    {
        farm.Dial(WarmupCalls, callsPerSecond);
        farm.WaitForConnected(Timeout);
        Thread.Sleep(TimeSpan.FromSeconds(2));
        farm.HangupAll(Timeout);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(500);
        var start = CpuSample.Take();
        Thread.Sleep(TimeSpan.FromSeconds(IdleSeconds));
        var idle = CpuSample.Take().ProcessPercentSince(start);
        return new Baseline(MemorySample.Take(), idle, ProcFs.LoadAverage());
    }
}
