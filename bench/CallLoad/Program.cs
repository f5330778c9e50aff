using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using VoipCore.Bench.CallLoad;

// Concurrent calls with media in one process, both ends ours; see LoadOptions.Usage and Report for what is measured.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

string started = DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
string loadAtStart = ProcFs.LoadAverage();
string machine = $"{Environment.ProcessorCount} cores, {ProcFs.CpuModel()}";
string runtime = $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC";
Console.WriteLine($"{machine}; {runtime}; load average {loadAtStart}; levels {string.Join(',', options.Levels)}");

string tone = TestTone.Write(Path.GetTempPath());
var levels = new List<LevelResult>();
RunSummary run;
Baseline baseline;
using (var farm = new CallFarm(tone))
{
    baseline = Baseline.Measure(farm, options.CallsPerSecond);
    Console.WriteLine($"baseline: RSS {baseline.Memory.RssBytes / 1048576.0:F1} MB, idle CPU {baseline.IdleCpuPercent:F1}%, load {baseline.LoadAverage}");
    foreach (int calls in options.Levels)
    {
        var level = LevelRunner.Run(farm, options, calls, baseline);
        levels.Add(level);
        Console.WriteLine($"{calls} calls: {level.Up} up, {level.SentPerLegPerSecond:F2} pkt/s/leg, loss {level.LossForwardPercent:F3}/{level.LossBackwardPercent:F3}%, " +
            $"CPU {level.CpuPerCallPercent:F3}%/call, RSS {level.RssPerCallKb:F0} KB/call, load {level.LoadAverage}");
    }
    // Forcing a full GC would stall media, so only now, with nothing left to measure, is the live heap read.
    double live = (GC.GetTotalMemory(true) - baseline.Memory.HeapBytes) / 1024.0 / Math.Max(farm.Up, 1);
    var hangupStart = Stopwatch.GetTimestamp();
    bool allEnded = farm.HangupAll(TimeSpan.FromSeconds(30));
    double hangupSeconds = Stopwatch.GetElapsedTime(hangupStart).TotalSeconds;
    run = new RunSummary(started, machine, runtime, loadAtStart, ProcFs.LoadAverage(), live, hangupSeconds, allEnded,
        farm.Caller.Engine.Media.Ports.InUse + farm.Callee.Engine.Media.Ports.InUse,
        farm.Caller.EventsDropped + farm.Callee.EventsDropped,
        farm.Caller.Engine.Media.Jitter.Capacity * farm.Caller.Engine.Media.Jitter.MaxPayloadSize,
        [.. farm.Caller.Failures, .. farm.Callee.Failures]);
}
File.Delete(tone);

string markdown = Report.Markdown(options, run, baseline, levels);
Console.WriteLine();
Console.WriteLine(markdown);
if (options.OutputPath is { } output)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    File.WriteAllText(output, markdown);
    Console.WriteLine($"written to {output}");
}
return levels.All(l => l.Up == l.Calls) && run.AllEnded ? 0 : 1;
