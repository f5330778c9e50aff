using System.Globalization;

namespace VoipCore.Bench.CallLoad;

/// <summary>What Linux tells about this process and the machine, read from /proc.</summary>
internal static class ProcFs
{
    /// <summary>A numeric field of /proc/self/status, e.g. VmRSS (in kB) or Threads.</summary>
    public static long StatusField(string name)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"no {name} in /proc/self/status");
    }

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg writes them.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    /// <summary>
    /// Jiffies all cores spent busy, and in total, since boot (the "cpu" line of /proc/stat). The difference over
    /// a window shows how much of the machine other processes took while we measured.
    /// </summary>
    public static (long Busy, long Total) MachineJiffies()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user and nice.
        long total = fields.Take(8).Sum();
        long idle = fields[3] + fields[4];
        return (total - idle, total);
    }

    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
}
