using System.Buffers.Binary;
using VoipCore.Media.Rtp;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Rtp;

public class JitterBufferTests(ITestOutputHelper output)
{
    private static List<int> Sequences(IEnumerable<Tick> ticks) =>
        ticks.Where(t => t.Result == JitterResult.Frame).Select(t => t.Sequence).ToList();

    /// <summary>Missing results while the stream lasted (after its last frame every tick is one).</summary>
    private static int MissingDuringStream(List<Tick> ticks) =>
        ticks.Take(ticks.FindLastIndex(t => t.Result == JitterResult.Frame)).Count(t => t.Result == JitterResult.Missing);

    /// <summary>
    /// The frames played are <paramref name="count"/> sequence numbers from <paramref name="first"/>, in order,
    /// less the frames the buffer dropped to shrink its delay.
    /// </summary>
    private static void AssertInOrder(IReadOnlyList<int> sequences, int first, int count, long dropped)
    {
        Assert.Equal(count - dropped, sequences.Count);
        AssertRun(sequences, first, first + count - 1);
    }

    /// <summary>The sequence numbers go from first to last in order, skipping at most one at a time (a dropped frame).</summary>
    private static void AssertRun(IReadOnlyList<int> sequences, int first, int last)
    {
        Assert.Equal((ushort)first, sequences[0]);
        Assert.Equal((ushort)last, sequences[^1]);
        for (var i = 1; i < sequences.Count; i++)
        {
            Assert.InRange((ushort)(sequences[i] - sequences[i - 1]), 1, 2);
        }
    }

    [Fact]
    public void PlaysAnInOrderStreamFrameByFrame()
    {
        var driver = new JitterDriver();
        var ticks = driver.Run(JitterDriver.Stream(200, 1000, 5000, _ => 5), firstTickMs: 13, ticks: 220);

        var firstPlayed = ticks.FindIndex(t => t.Result != JitterResult.NotReady);
        Assert.InRange(firstPlayed, 1, 3);
        Assert.All(ticks.Take(firstPlayed), t => Assert.Equal(JitterResult.NotReady, t.Result));
        AssertInOrder(Sequences(ticks), 1000, 200, driver.Buffer.Dropped);
        Assert.Equal(0, MissingDuringStream(ticks));
        Assert.InRange(driver.Buffer.Dropped, 0, 1);
        Assert.Equal(200, driver.Buffer.Received);
        Assert.Equal(0, driver.Buffer.Lost);
        Assert.Equal(20, driver.Buffer.TargetDelayMs);
    }

    [Fact]
    public void PutsReorderedPacketsBackInOrder()
    {
        var driver = new JitterDriver();
        // Each odd packet overtakes the even one before it by 5 ms.
        var ticks = driver.Run(JitterDriver.Stream(100, 7, 0, k => k % 2 == 0 ? 30 : 5), firstTickMs: 3, ticks: 110);

        AssertInOrder(Sequences(ticks), 7, 100, driver.Buffer.Dropped);
        Assert.Equal(0, MissingDuringStream(ticks));
        Assert.Equal(0, driver.Buffer.Late);
    }

    [Fact]
    public void RefusesDuplicatesWhetherHeldOrAlreadyPlayed()
    {
        var driver = new JitterDriver();
        var accepted = new List<bool>();
        var stream = JitterDriver.Stream(50, 100, 0, _ => 5);
        stream.Add(stream[3] with { TimeMs = stream[3].TimeMs + 1 });      // while still held
        stream.Add(stream[10] with { TimeMs = stream[10].TimeMs + 200 });  // long after it played
        var ticks = driver.Run(stream, firstTickMs: 10, ticks: 60, accepted);

        Assert.Equal(2, accepted.Count(ok => !ok));
        Assert.Equal(2, driver.Buffer.Duplicates);
        Assert.Equal(0, driver.Buffer.Late);
        AssertInOrder(Sequences(ticks), 100, 50, driver.Buffer.Dropped);
    }

    [Fact]
    public void ReportsMissingExactlyAtTheGapAndOffersTheNextPacket()
    {
        var driver = new JitterDriver();
        var ticks = driver.Run(JitterDriver.Stream(60, 500, 8000, _ => 5, k => k == 30), firstTickMs: 10, ticks: 40);

        var missing = Assert.Single(ticks, t => t.Result == JitterResult.Missing);
        Assert.Equal(8000u + 30 * JitterDriver.Step, missing.PlayoutBefore);
        var index = ticks.IndexOf(missing);
        Assert.Equal(529, ticks[index - 1].Sequence);
        Assert.Equal(531, ticks[index + 1].Sequence);
        Assert.Equal(1, driver.Buffer.Lost);
        Assert.Equal(1, driver.Buffer.Concealed);
    }

    [Fact]
    public void PeeksAtThePacketAfterAGapForForwardErrorCorrection()
    {
        var driver = new JitterDriver();
        var ticks = driver.Run(JitterDriver.Stream(40, 0, 0, _ => 5, k => k == 20), 10, 40, stopAfter: t => t.Result == JitterResult.Missing);

        Assert.Equal(JitterResult.Missing, ticks[^1].Result);
        Assert.True(driver.Buffer.TryPeekNext(out var next));
        Assert.Equal(21, BinaryPrimitives.ReadUInt16BigEndian(next));
        Span<byte> payload = stackalloc byte[1500];
        Assert.Equal(JitterResult.Frame, driver.Buffer.Get(payload, out var length));
        Assert.Equal(21, BinaryPrimitives.ReadUInt16BigEndian(payload[..length]));
    }

    [Fact]
    public void FollowsSequenceAndTimestampWrapAround()
    {
        var driver = new JitterDriver();
        var firstTimestamp = uint.MaxValue - 100 * JitterDriver.Step + 1;
        var ticks = driver.Run(JitterDriver.Stream(300, 65400, firstTimestamp, _ => 5), firstTickMs: 10, ticks: 310);

        AssertInOrder(Sequences(ticks), 65400, 300, driver.Buffer.Dropped);
        Assert.Equal(0, MissingDuringStream(ticks));
        Assert.Equal(0, driver.Buffer.Resyncs);
    }

    [Fact]
    public void TreatsATimestampJumpWithConsecutiveSequenceNumbersAsSilence()
    {
        var driver = new JitterDriver();
        // Talk 50 frames, pause 25 frames (DTX: no packets, sequence numbers keep counting on), talk again.
        var stream = new List<Arrival>();
        for (var k = 0; k < 100; k++)
        {
            var frame = k < 50 ? k : k + 25;
            stream.Add(new Arrival(frame * JitterDriver.FrameMs + 5, (ushort)(300 + k), (uint)(frame * JitterDriver.Step)));
        }
        var ticks = driver.Run(stream, firstTickMs: 10, ticks: 140);

        AssertInOrder(Sequences(ticks), 300, 100, driver.Buffer.Dropped);
        Assert.Contains(ticks, t => t.Result == JitterResult.Silence);
        Assert.Equal(0, driver.Buffer.Lost);
        Assert.Equal(0, driver.Buffer.Late);
        Assert.Equal(0, driver.Buffer.Resyncs);
        Assert.Equal(20, driver.Buffer.TargetDelayMs);
    }

    [Fact]
    public void ResyncsOnANewStreamButNotOnOneStrayPacket()
    {
        var driver = new JitterDriver();
        var stream = JitterDriver.Stream(50, 10, 1000, _ => 5);
        // A stray packet from nowhere, then a sender restart with new sequence numbers and timestamps.
        stream.Add(new Arrival(300, 40000, 90_000_000));
        stream.AddRange(JitterDriver.Stream(50, 20000, 3_000_000_000, _ => 5).Select(a => a with { TimeMs = a.TimeMs + 1000 }));
        var ticks = driver.Run(stream, firstTickMs: 10, ticks: 110);

        Assert.Equal(1, driver.Buffer.Resyncs);
        Assert.Equal(2, driver.Buffer.Late + driver.Buffer.Overflow);
        var played = Sequences(ticks);
        var before = played.TakeWhile(sequence => sequence < 20000).ToList();
        // The restart flushed what the old stream still had buffered (its last frame or two).
        Assert.InRange(before[^1], 57, 59);
        AssertRun(before, 10, before[^1]);
        // The restart's first packet only raised the alarm; the second confirmed it and playout refilled from there.
        AssertRun(played.Skip(before.Count).ToList(), 20001, 20049);
    }

    [Fact]
    public void StepsBackToPacketsAStallHeldUpInsteadOfLosingThem()
    {
        var driver = new JitterDriver();
        // The network stalls for 100 ms: packets 50-54 all arrive together, after their turns.
        var ticks = driver.Run(JitterDriver.Stream(100, 0, 0, k => k is >= 50 and < 55 ? 1105 - k * 20 : 5), firstTickMs: 10, ticks: 120);

        AssertInOrder(Sequences(ticks), 0, 100, driver.Buffer.Dropped);
        Assert.Equal(0, driver.Buffer.Lost);
        Assert.Equal(0, driver.Buffer.Late);
        Assert.True(driver.Buffer.Concealed >= 4, $"concealed {driver.Buffer.Concealed}");
        Assert.True(driver.Buffer.TargetDelayMs >= 100, $"target {driver.Buffer.TargetDelayMs} ms");
    }

    [Fact]
    public void GrowsAfterOneLatePacket()
    {
        var driver = new JitterDriver();
        var ticks = driver.Run(JitterDriver.Stream(100, 0, 0, k => k == 50 ? 75 : 5), firstTickMs: 10, ticks: 100);

        Assert.Equal(1, driver.Buffer.Late);
        Assert.Equal(1, driver.Buffer.Lost);
        Assert.InRange(driver.Buffer.TargetDelayMs, 70, 90);
        Assert.True(driver.Buffer.CurrentDelayMs >= 60, $"delay {driver.Buffer.CurrentDelayMs} ms");
        Assert.Contains(ticks, t => t.Inserted);
    }

    [Fact]
    public void GrowsTheTargetForBurstyJitterAndShrinksItLater()
    {
        var driver = new JitterDriver();
        var random = new Random(7);
        const int Calm = 250, Burst = 150, After = 4000;
        var stream = JitterDriver.Stream(Calm + Burst + After, 0, 0,
            k => k >= Calm && k < Calm + Burst ? 5 + random.NextDouble() * 200 : 5 + random.NextDouble() * 10);

        var ticks = driver.Run(stream.Where(a => a.TimeMs < (Calm - 1) * 20).ToList(), 10, Calm);
        var calmTarget = driver.Buffer.TargetDelayMs;
        var calmDelay = driver.Buffer.CurrentDelayMs;
        ticks.AddRange(RunFrom(driver, stream, Calm, Burst));
        var burstTarget = driver.Buffer.TargetDelayMs;
        var burstDelay = driver.Buffer.CurrentDelayMs;
        ticks.AddRange(RunFrom(driver, stream, Calm + Burst, After));
        output.WriteLine($"target/delay ms: calm {calmTarget}/{calmDelay}, after burst {burstTarget}/{burstDelay}, " +
            $"80 s later {driver.Buffer.TargetDelayMs}/{driver.Buffer.CurrentDelayMs}; dropped {driver.Buffer.Dropped}, " +
            $"late {driver.Buffer.Late}, lost {driver.Buffer.Lost}");

        Assert.InRange(calmTarget, 20, 30);
        Assert.InRange(burstTarget, 180, 300);
        Assert.True(burstDelay >= 170, $"delay after burst {burstDelay}");
        Assert.InRange(driver.Buffer.TargetDelayMs, 20, 40);
        Assert.InRange(driver.Buffer.CurrentDelayMs, 20, 70);
        Assert.True(driver.Buffer.Dropped >= 6);
    }

    [Fact]
    public void KeepsTheDelayWithinTheConfiguredMaximum()
    {
        var driver = new JitterDriver(new JitterBufferSettings { MaxDelayMs = 120 });
        var random = new Random(3);
        var ticks = driver.Run(JitterDriver.Stream(1000, 0, 0, _ => 5 + random.NextDouble() * 400), 10, 1000);

        Assert.Equal(120, driver.Buffer.TargetDelayMs);
        Assert.True(driver.Buffer.JitterMs > 300, $"jitter {driver.Buffer.JitterMs} ms");
        Assert.InRange(driver.Buffer.CurrentDelayMs, 100, 140);
        // Jitter beyond the maximum costs late packets, not a restart of the buffer.
        Assert.True(driver.Buffer.Late > 100);
        Assert.Equal(0, driver.Buffer.Resyncs);
        Assert.Contains(ticks.Skip(900), t => t.Result == JitterResult.Frame);
    }

    private static List<Tick> RunFrom(JitterDriver driver, List<Arrival> stream, int fromTick, int ticks)
    {
        var startMs = 10 + fromTick * 20.0;
        return driver.Run(stream.Where(a => a.TimeMs > startMs - 20 && a.TimeMs <= startMs + (ticks - 1) * 20).ToList(), startMs, ticks);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(48000)]
    public void AdaptsToRandomJitterSoOnlyRealLossesAreMissing(int clockRate)
    {
        var step = clockRate / 50;
        const int Frames = 10_000;
        const int WarmUp = 500;
        var random = new Random(2024);
        var lostFrames = new HashSet<int>();
        var delays = new double[Frames];
        for (var k = 0; k < Frames; k++)
        {
            delays[k] = 10 + random.NextDouble() * 60;
            if (random.NextDouble() < 0.01)
            {
                lostFrames.Add(k);
            }
        }
        var driver = new JitterDriver(clockRate: clockRate);
        var ticks = driver.Run(JitterDriver.Stream(step, Frames, 0, 0, k => delays[k], lostFrames.Contains), 10, Frames + 10);

        var adapted = ticks.Skip(WarmUp).Take(Frames - WarmUp - 10).ToList();
        var missingFrames = adapted.Where(t => t.Result == JitterResult.Missing)
            .Select(t => t.Inserted ? -1 : (int)(t.PlayoutBefore / step)).ToList();
        var concealedFrames = adapted.Where(t => !t.Inserted).Select(t => (int)(t.PlayoutBefore / step)).ToHashSet();
        var lostInWindow = lostFrames.Where(concealedFrames.Contains).ToList();
        output.WriteLine($"frames {Frames}, lost {lostFrames.Count} ({lostInWindow.Count} after warm-up); missing after warm-up {missingFrames.Count}; " +
            $"warm-up: missing {ticks.Take(WarmUp).Count(t => t.Result == JitterResult.Missing)}, inserted {ticks.Take(WarmUp).Count(t => t.Inserted)}, " +
            $"lost {lostFrames.Count(k => k < WarmUp)}; target {driver.Buffer.TargetDelayMs} ms, " +
            $"delay {driver.Buffer.CurrentDelayMs} ms, jitter {driver.Buffer.JitterMs} ms; late {driver.Buffer.Late}, dropped {driver.Buffer.Dropped}, " +
            $"concealed {driver.Buffer.Concealed}, lost {driver.Buffer.Lost}");

        Assert.Equal(lostInWindow.Order(), missingFrames.Order());
        Assert.Equal(lostFrames.Count, driver.Buffer.Lost);
        Assert.InRange(driver.Buffer.TargetDelayMs, 60, 80);
    }

    [Fact]
    public void PutAndGetAllocateNothing()
    {
        var buffer = new JitterBuffer(160, 8000, new JitterBufferSettings());
        Span<byte> payload = stackalloc byte[1500];
        Span<byte> frame = stackalloc byte[160];
        var ticks = System.Diagnostics.Stopwatch.GetTimestamp();
        buffer.Put(0, 0, frame, ticks);
        buffer.Get(payload, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 1; k < 2000; k++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)k);
            buffer.Put((ushort)k, (uint)(k * 160), frame, ticks + k);
            buffer.Get(payload, out _);
            buffer.TryPeekNext(out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
