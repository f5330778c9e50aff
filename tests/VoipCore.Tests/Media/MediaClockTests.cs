using System.Collections.Concurrent;
using System.Diagnostics;
using VoipCore.Media;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media;

public class MediaClockTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>Records tick indices and times into preallocated arrays (so it allocates nothing itself).</summary>
    private sealed class Recorder(int capacity, Action<long>? onTick = null) : IMediaTickHandler
    {
        public readonly long[] Indices = new long[capacity];
        public readonly long[] Times = new long[capacity];
        public readonly long[] AllocatedBytes = new long[capacity];
        public readonly ManualResetEventSlim Full = new();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void OnTick(long tickIndex)
        {
            int n = _count;
            if (n < capacity)
            {
                Indices[n] = tickIndex;
                Times[n] = Stopwatch.GetTimestamp();
                AllocatedBytes[n] = GC.GetAllocatedBytesForCurrentThread();
                Volatile.Write(ref _count, n + 1);
                if (n + 1 == capacity)
                {
                    Full.Set();
                }
            }

            onTick?.Invoke(tickIndex);
        }
    }

    private sealed class Thrower : IMediaTickHandler
    {
        public void OnTick(long tickIndex) => throw new InvalidOperationException($"tick {tickIndex}");
    }

    private static MediaClock NewClock(ConcurrentQueue<Exception>? errors = null) =>
        new(e => errors?.Enqueue(e), "media-clock-test");

    [Fact]
    public void Fifty_ticks_take_about_a_second_in_consecutive_slots()
    {
        using var clock = NewClock();
        var recorder = new Recorder(51);
        clock.Register(recorder);
        Assert.True(recorder.Full.Wait(Patience));

        double seconds = (double)(recorder.Times[50] - recorder.Times[0]) / Stopwatch.Frequency;
        output.WriteLine($"50 ticks in {seconds:F3} s, skipped {clock.SkippedTicks}");
        Assert.InRange(seconds, 0.8, 1.5);
        if (clock.SkippedTicks == 0)
        {
            for (int i = 1; i <= 50; i++)
            {
                Assert.Equal(recorder.Indices[0] + i, recorder.Indices[i]);
            }
        }
    }

    [Fact]
    public void Ticking_allocates_nothing()
    {
        using var clock = NewClock();
        var recorder = new Recorder(30);
        clock.Register(recorder);
        clock.Register(new Recorder(1));
        Assert.True(recorder.Full.Wait(Patience));

        Assert.Equal(recorder.AllocatedBytes[5], recorder.AllocatedBytes[29]);
    }

    [Fact]
    public void Unregistered_handler_is_not_called_again()
    {
        using var clock = NewClock();
        var recorder = new Recorder(1000);
        var keepsTicking = new Recorder(1000);
        clock.Register(recorder);
        clock.Register(keepsTicking);
        SpinWait.SpinUntil(() => recorder.Count >= 3, Patience);

        Assert.True(clock.Unregister(recorder));
        int count = recorder.Count;
        long ticks = clock.TickCount;
        SpinWait.SpinUntil(() => clock.TickCount >= ticks + 5, Patience);

        Assert.Equal(count, recorder.Count);
        Assert.False(clock.Unregister(recorder));
    }

    [Fact]
    public void With_no_handler_the_clock_parks_and_resumes_on_the_next_registration()
    {
        using var clock = NewClock();
        var first = new Recorder(1000);
        clock.Register(first);
        SpinWait.SpinUntil(() => first.Count >= 2, Patience);
        Assert.True(clock.Unregister(first));
        Thread.Sleep(40);
        long parked = clock.TickCount;
        Thread.Sleep(200);
        Assert.Equal(parked, clock.TickCount);
        var second = new Recorder(1000);
        clock.Register(second);
        Assert.True(SpinWait.SpinUntil(() => second.Count >= 5, Patience));
    }

    [Fact]
    public void A_throwing_handler_is_reported_and_does_not_stop_the_others()
    {
        var errors = new ConcurrentQueue<Exception>();
        using var clock = NewClock(errors);
        var before = new Recorder(5);
        var after = new Recorder(5);
        clock.Register(before);
        clock.Register(new Thrower());
        clock.Register(after);

        Assert.True(after.Full.Wait(Patience));
        Assert.Equal(5, before.Count);
        Assert.True(errors.Count >= 4);
        Assert.All(errors, e => Assert.IsType<InvalidOperationException>(e));
    }

    /// <summary>A tick callback that blocks the clock thread once, on its <paramref name="call"/>-th call.</summary>
    private static Action<long> StallOnce(int call, int milliseconds)
    {
        int calls = 0;
        return _ =>
        {
            if (++calls == call)
            {
                Thread.Sleep(milliseconds);
            }
        };
    }

    [Fact]
    public void A_short_stall_is_caught_up_on_the_original_schedule()
    {
        using var clock = NewClock();
        var recorder = new Recorder(10, StallOnce(2, 70));
        clock.Register(recorder);
        Assert.True(recorder.Full.Wait(Patience));

        double Ms(int from, int to) => (recorder.Times[to] - recorder.Times[from]) * 1000.0 / Stopwatch.Frequency;
        output.WriteLine($"indices {string.Join(",", recorder.Indices)}; after the stall {Ms(2, 3):F1} ms, {Ms(3, 4):F1} ms; 8 slots in {Ms(1, 9):F1} ms");
        if (clock.SkippedTicks == 0)
        {
            for (int i = 1; i < 10; i++)
            {
                Assert.Equal(recorder.Indices[0] + i, recorder.Indices[i]);
            }
        }

        // The slots missed during the 70 ms come back to back (a clock sleeping 20 ms after each tick would
        // take 40 ms for them; the slack is for a loaded machine), then ticks follow the original deadlines.
        Assert.True(Ms(2, 4) < 30, "missed ticks were not caught up at once");
        Assert.InRange(Ms(1, 9), 140, 600);
    }

    [Fact]
    public void A_long_stall_skips_the_missed_slots_and_counts_them()
    {
        using var clock = NewClock();
        var recorder = new Recorder(4, StallOnce(1, 400));
        clock.Register(recorder);
        Assert.True(recorder.Full.Wait(Patience));

        long gap = recorder.Indices[1] - recorder.Indices[0];
        output.WriteLine($"indices {string.Join(",", recorder.Indices)}, skipped {clock.SkippedTicks}");
        Assert.InRange(gap, MediaClock.MaxCatchUpTicks + 2, 100);
        Assert.InRange(clock.SkippedTicks, gap - 1, 100);
        Assert.Equal(recorder.Indices[1] + 1, recorder.Indices[2]);
    }

    [Fact]
    public void A_handler_may_register_another_and_dispose_the_clock()
    {
        var clock = NewClock();
        var second = new Recorder(1, _ => clock.Dispose());
        var first = new Recorder(10, _ => clock.Register(second));
        clock.Register(first);

        Assert.True(second.Full.Wait(Patience));
        Thread.Sleep(60);
        long ticks = clock.TickCount;
        Thread.Sleep(100);
        Assert.Equal(ticks, clock.TickCount);
        Assert.Equal(first.Indices[0] + 1, second.Indices[0]);
        Assert.Equal(2, first.Count);
        clock.Dispose();
    }

    [Fact]
    public void Dispose_stops_the_ticks()
    {
        var clock = NewClock();
        var recorder = new Recorder(1000);
        clock.Register(recorder);
        SpinWait.SpinUntil(() => recorder.Count >= 2, Patience);
        clock.Dispose();

        int count = recorder.Count;
        Thread.Sleep(60);
        Assert.Equal(count, recorder.Count);
    }
}
