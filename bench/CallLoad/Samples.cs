using System.Diagnostics;

namespace VoipCore.Bench.CallLoad;

/// <summary>Counters that only mean something as a difference between the start and the end of a window.</summary>
internal readonly record struct CpuSample(long Timestamp, TimeSpan ProcessCpu, long MachineBusy, long MachineTotal,
    int Gen0, int Gen1, int Gen2, long Allocated)
{
    public static CpuSample Take()
    {
        var (busy, total) = ProcFs.MachineJiffies();
        return new CpuSample(Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, busy, total,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(false));
    }

    public double SecondsSince(CpuSample start) => Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;

    /// <summary>This process's CPU over the window, in percent of one core.</summary>
    public double ProcessPercentSince(CpuSample start) => (ProcessCpu - start.ProcessCpu).TotalSeconds / SecondsSince(start) * 100;

    /// <summary>Cores the whole machine kept busy over the window (us and everything else).</summary>
    public double MachineCoresSince(CpuSample start) =>
        MachineTotal == start.MachineTotal ? 0 : (double)(MachineBusy - start.MachineBusy) / (MachineTotal - start.MachineTotal) * Environment.ProcessorCount;
}

/// <summary>
/// How much memory the process holds at one moment: resident set and managed heap. GC.GetGCMemoryInfo is left
/// out: it describes the heap as of the last collection, and a steady window may see none.
/// </summary>
internal readonly record struct MemorySample(long RssBytes, long HeapBytes, long Threads)
{
    public static MemorySample Take() => new(ProcFs.StatusField("VmRSS") * 1024, GC.GetTotalMemory(false), ProcFs.StatusField("Threads"));
}
