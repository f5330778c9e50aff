using System.Buffers.Binary;
using VoipCore.Media.Rtp;
using VoipCore.Tests.Support;

namespace VoipCore.Tests.Media.Rtp;

/// <summary>A packet reaching the receiver at a simulated time.</summary>
internal readonly record struct Arrival(double TimeMs, ushort Sequence, uint Timestamp);

/// <summary>What one simulated 20 ms tick got from the buffer; Sequence is the frame's (from its payload), or -1.</summary>
internal readonly record struct Tick(double TimeMs, JitterResult Result, uint PlayoutBefore, uint PlayoutAfter, int Sequence)
{
    /// <summary>A Missing that did not consume a frame interval: the buffer inserted it to grow.</summary>
    public bool Inserted => Result == JitterResult.Missing && PlayoutBefore == PlayoutAfter;
}

/// <summary>
/// Runs a <see cref="JitterBuffer"/> in simulated time: arrivals and ticks are merged in time order (an arrival
/// before a tick at the same instant), with the clock moved to each. Payloads carry their sequence number.
/// </summary>
internal sealed class JitterDriver
{
    public const int Step = 160;
    public const int ClockRate = 8000;
    public const double FrameMs = 20;

    private readonly int _step;

    private readonly ManualTimeProvider _clock = new();
    private readonly long _origin;

    /// <summary>A driver for 20 ms frames at 8 kHz, or at <paramref name="clockRate"/>.</summary>
    public JitterDriver(JitterBufferSettings? settings = null, int clockRate = ClockRate)
    {
        _step = clockRate / 50;
        Buffer = new JitterBuffer(_step, clockRate, settings ?? new JitterBufferSettings(), _clock);
        _origin = _clock.GetTimestamp();
    }

    public JitterBuffer Buffer { get; }

    /// <summary>Frames sent every 20 ms from <paramref name="firstSequence"/>/<paramref name="firstTimestamp"/>, each delayed by <paramref name="delayMs"/> unless <paramref name="lost"/>.</summary>
    public static List<Arrival> Stream(int count, ushort firstSequence, uint firstTimestamp, Func<int, double> delayMs, Func<int, bool>? lost = null) =>
        Stream(Step, count, firstSequence, firstTimestamp, delayMs, lost);

    /// <summary>The same for frames of <paramref name="step"/> timestamp units.</summary>
    public static List<Arrival> Stream(int step, int count, ushort firstSequence, uint firstTimestamp, Func<int, double> delayMs, Func<int, bool>? lost)
    {
        var arrivals = new List<Arrival>(count);
        for (var k = 0; k < count; k++)
        {
            if (lost?.Invoke(k) == true)
            {
                continue;
            }
            arrivals.Add(new Arrival(k * FrameMs + delayMs(k), (ushort)(firstSequence + k), (uint)(firstTimestamp + k * step)));
        }
        return arrivals;
    }

    /// <summary>
    /// Delivers <paramref name="arrivals"/> and ticks every 20 ms from <paramref name="firstTickMs"/>,
    /// <paramref name="ticks"/> times or until a tick matches <paramref name="stopAfter"/>.
    /// </summary>
    public List<Tick> Run(IEnumerable<Arrival> arrivals, double firstTickMs, int ticks, List<bool>? accepted = null, Func<Tick, bool>? stopAfter = null)
    {
        var pending = arrivals.OrderBy(a => a.TimeMs).ToList();
        var results = new List<Tick>(ticks);
        var next = 0;
        Span<byte> payload = stackalloc byte[1500];
        Span<byte> frame = stackalloc byte[2];
        for (var tick = 0; tick < ticks; tick++)
        {
            var tickMs = firstTickMs + tick * FrameMs;
            for (; next < pending.Count && pending[next].TimeMs <= tickMs; next++)
            {
                var arrival = pending[next];
                MoveTo(arrival.TimeMs);
                BinaryPrimitives.WriteUInt16BigEndian(frame, arrival.Sequence);
                var ok = Buffer.Put(arrival.Sequence, arrival.Timestamp, frame, _clock.GetTimestamp());
                accepted?.Add(ok);
            }
            MoveTo(tickMs);
            var before = Buffer.PlayoutTimestamp;
            var result = Buffer.Get(payload, out var length);
            var sequence = result == JitterResult.Frame && length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : -1;
            results.Add(new Tick(tickMs, result, before, Buffer.PlayoutTimestamp, sequence));
            if (stopAfter?.Invoke(results[^1]) == true)
            {
                break;
            }
        }
        return results;
    }

    public void MoveTo(double ms)
    {
        var target = _origin + (long)(ms * TimeSpan.TicksPerMillisecond);
        var now = _clock.GetTimestamp();
        if (target > now)
        {
            _clock.Advance(TimeSpan.FromTicks(target - now));
        }
    }

    public long Now => _clock.GetTimestamp();
}
