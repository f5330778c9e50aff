using System.Diagnostics;

namespace VoipCore.Bench.CallLoad;

/// <summary>
/// Brings the farm up to a level of concurrent calls (adding to the calls already up), lets media settle, then
/// measures a steady window: no call is set up or torn down inside it.
/// </summary>
internal static class LevelRunner
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    // Twice a second: often enough to catch a playout delay that rose and fell back, cheap even at 1000 legs.
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(500);

    public static LevelResult Run(CallFarm farm, LoadOptions options, int calls, Baseline baseline)
    {
        var dialStart = Stopwatch.GetTimestamp();
        farm.Dial(Math.Max(0, calls - farm.Up), options.CallsPerSecond);
        if (!farm.WaitForConnected(ConnectTimeout))
        {
            Console.Error.WriteLine($"level {calls}: only {farm.Up} calls up after {ConnectTimeout.TotalSeconds:F0} s; measuring those");
        }
        double setupSeconds = Stopwatch.GetElapsedTime(dialStart).TotalSeconds;
        Thread.Sleep(TimeSpan.FromSeconds(options.SettleSeconds));

        var caller = new SideWindow(farm.Caller.CallsUp());
        var callee = new SideWindow(farm.Callee.CallsUp());
        var start = CpuSample.Take();
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        for (var left = window; left > TimeSpan.Zero; left = window - Stopwatch.GetElapsedTime(start.Timestamp))
        {
            Thread.Sleep(left < SampleEvery ? left : SampleEvery);
            caller.Sample();
            callee.Sample();
        }
        caller.Finish();
        callee.Finish();
        var end = CpuSample.Take();
        return LevelResult.From(calls, farm.Caller.Failed + farm.Callee.Failed, setupSeconds, caller, callee, start, end, MemorySample.Take(), baseline);
    }
}
