using System.Globalization;
using System.Text;

namespace VoipCore.Bench.CallLoad;

/// <summary>The results as markdown: what was run, two tables per level (media, resources), and how per-call costs grow.</summary>
internal static class Report
{
    public static string Markdown(LoadOptions options, RunSummary run, Baseline baseline, IReadOnlyList<LevelResult> levels)
    {
        var text = new StringBuilder();
        text.AppendLine("# Concurrent calls with media, one process").AppendLine();
        text.AppendLine(Inv($"Run {run.Started} on {run.Machine}; {run.Runtime}; load average (1/5/15 min) {run.LoadAtStart} at start, {run.LoadAtEnd} at end."));
        text.AppendLine(Inv($"Both ends are ours: a caller engine and a callee engine in this process, SIP over UDP and RTP on 127.0.0.1, PCMU only, 20 ms frames. Calls are added {options.CallsPerSecond}/s and kept up from level to level; at each level media settles {options.SettleSeconds} s, then a {options.WindowSeconds} s window is measured with no call set up or torn down. Callers play a 2 s 8 kHz tone+noise WAV in a loop; callees send G.711 silence (encoded every frame, as G.711 has no DTX)."));
        text.AppendLine(Inv($"Baseline (both engines up, no calls, after a {Baseline.WarmupCalls}-call warm-up and a full GC): RSS {baseline.Memory.RssBytes / 1048576.0:F1} MB, managed heap {baseline.Memory.HeapBytes / 1048576.0:F1} MB, {baseline.Memory.Threads} threads, idle CPU {baseline.IdleCpuPercent:F1}% of one core (media clocks park while they carry no call).")).AppendLine();

        text.AppendLine("## Media").AppendLine();
        text.AppendLine("| calls | up | failed | setup s | sent pkt/s per leg | loss % to callee (seq) | loss % to caller (seq) | sent not received % | jitter ms mean / max | playout delay ms mean / max | legs whose delay rose ≥ 20 ms |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var l in levels)
        {
            text.AppendLine(Inv($"| {l.Calls} | {l.Up} | {l.FailedSoFar} | {l.SetupSeconds:F1} | {l.SentPerLegPerSecond:F2} | {l.LossForwardPercent:F3} | {l.LossBackwardPercent:F3} | {l.UnreceivedPercent:F3} | {l.JitterMeanMs:F2} / {l.JitterMaxMs:F2} | {l.DelayMeanMs:F0} / {l.DelayMaxMs} | {l.DelayRoseLegsPercent:F1}% |"));
        }
        text.AppendLine();
        text.AppendLine("## Resources (per call = both of its legs)").AppendLine();
        text.AppendLine("| calls | process CPU % of a core | CPU % per call | above idle, % per call | % per call added since the level before | other processes, cores | RSS KB per call | managed heap KB per call | threads | library allocated B/s per call | GCs gen0/1/2 | load avg after |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            var (cpuBefore, callsBefore) = i == 0 ? (baseline.IdleCpuPercent, 0) : (levels[i - 1].ProcessCpuPercent, levels[i - 1].Up);
            double added = l.Up == callsBefore ? 0 : (l.ProcessCpuPercent - cpuBefore) / (l.Up - callsBefore);
            text.AppendLine(Inv($"| {l.Calls} | {l.ProcessCpuPercent:F1} | {l.CpuPerCallPercent:F3} | {l.AboveIdleCpuPerCallPercent:F3} | {added:F3} | {l.OtherCores:F2} | {l.RssPerCallKb:F1} | {l.HeapPerCallKb:F1} | {l.Threads} | {l.LibraryAllocatedPerCallPerSecond:F0} | {l.Gen0}/{l.Gen1}/{l.Gen2} | {l.LoadAverage} |"));
        }
        text.AppendLine();
        if (levels.Count > 1)
        {
            AppendGrowth(text, levels[0], levels[^1]);
        }
        AppendEnd(text, run, levels);
        return text.ToString();
    }

    private static void AppendGrowth(StringBuilder text, LevelResult first, LevelResult last)
    {
        text.AppendLine(Inv($"## Growth from {first.Calls} to {last.Calls} calls")).AppendLine();
        text.AppendLine(Inv($"| per call | at {first.Calls} | at {last.Calls} | ratio |"));
        text.AppendLine("|---|---:|---:|---:|");
        Row(text, "CPU % of a core", first.CpuPerCallPercent, last.CpuPerCallPercent);
        Row(text, "CPU above idle, %", first.AboveIdleCpuPerCallPercent, last.AboveIdleCpuPerCallPercent);
        Row(text, "RSS KB", first.RssPerCallKb, last.RssPerCallKb);
        Row(text, "managed heap KB", first.HeapPerCallKb, last.HeapPerCallKb);
        Row(text, "library allocated B/s", first.LibraryAllocatedPerCallPerSecond, last.LibraryAllocatedPerCallPerSecond);
        Row(text, "max jitter ms (any leg)", first.JitterMaxMs, last.JitterMaxMs);
        Row(text, "max playout delay ms (any leg)", first.DelayMaxMs, last.DelayMaxMs);
        text.AppendLine();
    }

    private static void Row(StringBuilder text, string name, double first, double last) =>
        text.AppendLine(Inv($"| {name} | {first:F3} | {last:F3} | {(first == 0 ? "-" : (last / first).ToString("F2", CultureInfo.InvariantCulture))} |"));

    private static void AppendEnd(StringBuilder text, RunSummary run, IReadOnlyList<LevelResult> levels)
    {
        text.AppendLine("## End of run").AppendLine();
        if (levels.Count > 0)
        {
            text.AppendLine(Inv($"- Live managed memory per call at {levels[^1].Calls} calls (full GC after the last window): {run.LivePerCallKb:F1} KB."));
        }
        text.AppendLine(Inv($"- Hang-up of all calls: {(run.AllEnded ? "every call ended at both ends" : "NOT every call ended")} in {run.HangupSeconds:F1} s; RTP ports still leased: {run.PortsInUse}."));
        text.AppendLine(Inv($"- Events dropped by the engines' queues: {run.EventsDropped}."));
        foreach (var failure in run.Failures)
        {
            text.AppendLine($"- Failure: {failure}");
        }
        text.AppendLine();
        text.AppendLine("""
            ## Reading the tables

            - Loss (seq) is what the receivers' RTP sequence numbers show lost in the window, over lost plus received. "Sent not received" compares the senders' and receivers' counters over the same window: packets in flight at the window's edges make it move by a few hundredths of a percent either way.
            - Sent pkt/s per leg is the media clock's health: each leg sends one packet per 20 ms tick, so 50.00 means no tick was skipped; a clock that falls more than 5 ticks behind skips slots and this drops.
            - Jitter is the RFC 3550 interarrival jitter of each leg (mean of the last reading, max of any reading). Packets are both sent and read on 20 ms ticks of media threads, so lateness of either end's tick shows here; a packet's arrival time is when the receiving tick reads the socket, so where the two ends' ticks fall close together, packets land in one tick or the next and that alone reads as jitter.
            - The library's jitter buffer counts concealed and late frames but does not expose them, and this bench may not change the library: the playout delay (Statistics.JitterBufferMs) stands in. The buffer inserts a concealed frame and grows by 20 ms when packets come late, and shrinks slowly, so a leg whose delay rose by 20 ms or more in the window had late packets; lost packets are concealed too and show in the loss columns.
            - CPU per call is the process CPU time over the window, over the wall time, over the calls, in % of one core; "above idle" first subtracts what the idle engines use, and the next column is the CPU the calls added since the level before took, per added call (for the first level, since idle). Under load the media clocks yield-spin the last millisecond before each tick, and what that costs depends on who else wants the cores. Other processes' cores is the machine's busy time minus ours: a busy machine shares the 2 cores with the bench.
            - Library allocated B/s leaves out what the bench's own statistics reads allocate (a new record per read).
            - Memory per call is (value at the end of the window − baseline) / calls; the managed heap includes garbage not yet collected, the live figure at the end does not. It includes each caller's copy of the WAV (the player loads the whole file, 32 KB) and two jitter buffers, whose slots are preallocated (capacity × max payload).
            """);
        text.AppendLine(Inv($"Here a jitter buffer preallocates {run.JitterBufferBytes / 1024.0:F1} KB, so the two of a call take {2 * run.JitterBufferBytes / 1024.0:F1} KB."));
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
