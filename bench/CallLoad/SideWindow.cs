using System.Diagnostics;
using VoipCore.Sessions;

namespace VoipCore.Bench.CallLoad;

/// <summary>Packet counters summed over the legs of one side, read one leg after another around <see cref="Timestamp"/> (the reading's midpoint).</summary>
internal readonly record struct PacketTotals(long Sent, long Received, long Lost, long Timestamp)
{
    /// <summary>The counts between two readings; its timestamp is the time between them, in Stopwatch ticks.</summary>
    public static PacketTotals operator -(PacketTotals end, PacketTotals start) =>
        new(end.Sent - start.Sent, end.Received - start.Received, end.Lost - start.Lost, end.Timestamp - start.Timestamp);

    public double Seconds => (double)Timestamp / Stopwatch.Frequency;
}

/// <summary>
/// One side's call legs over a measuring window: the packet totals at its start and end, and per leg how the
/// interarrival jitter and the jitter buffer's playout delay moved between. The legs are fixed at the start,
/// so a call that ends meanwhile still counts (its statistics freeze) and the totals compare like with like.
/// </summary>
internal sealed class SideWindow
{
    private readonly Call[] _legs;
    private readonly int[] _startDelayMs;

    public SideWindow(Call[] legs)
    {
        _legs = legs;
        _startDelayMs = new int[legs.Length];
        MaxDelayRiseMs = new int[legs.Length];
        MaxDelayMs = new int[legs.Length];
        MaxJitterMs = new double[legs.Length];
        LastJitterMs = new double[legs.Length];
        for (int i = 0; i < legs.Length; i++)
        {
            _startDelayMs[i] = legs[i].Statistics.JitterBufferMs;
        }
        Start = Sample();
        OwnAllocatedBytes = 0;
    }

    public int Legs => _legs.Length;
    public PacketTotals Start { get; }
    public PacketTotals End { get; private set; }
    public PacketTotals Delta => End - Start;

    /// <summary>Per leg: how far the playout delay rose above its value at the window's start (a rise is frames inserted for late packets).</summary>
    public int[] MaxDelayRiseMs { get; }
    public int[] MaxDelayMs { get; }
    public double[] MaxJitterMs { get; }
    public double[] LastJitterMs { get; }

    /// <summary>What the readings since the start allocated (each Statistics is a new record), so the library's own allocation can be told apart.</summary>
    public long OwnAllocatedBytes { get; private set; }

    /// <summary>Reads every leg once; returns the packet totals of this reading.</summary>
    public PacketTotals Sample()
    {
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        long sent = 0, received = 0, lost = 0;
        for (int i = 0; i < _legs.Length; i++)
        {
            var stats = _legs[i].Statistics;
            sent += stats.PacketsSent;
            received += stats.PacketsReceived;
            lost += stats.PacketsLost;
            MaxDelayMs[i] = Math.Max(MaxDelayMs[i], stats.JitterBufferMs);
            MaxDelayRiseMs[i] = Math.Max(MaxDelayRiseMs[i], stats.JitterBufferMs - _startDelayMs[i]);
            MaxJitterMs[i] = Math.Max(MaxJitterMs[i], stats.JitterMs);
            LastJitterMs[i] = stats.JitterMs;
        }
        OwnAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new PacketTotals(sent, received, lost, (started + Stopwatch.GetTimestamp()) / 2);
    }

    public void Finish() => End = Sample();
}
