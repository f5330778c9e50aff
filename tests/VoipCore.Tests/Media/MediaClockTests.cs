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
        clock.Register(recorder);
        SpinWait.SpinUntil(() => recorder.Count >= 3, Patience);

        Assert.True(clock.Unregister(recorder));
        int count = recorder.Count;
        long ticks = clock.TickCount;
        SpinWait.SpinUntil(() => clock.TickCount >= ticks + 5, Patience);

        Assert.Equal(count, recorder.Count);
        Assert.False(clock.Unregister(recorder));
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

    [Fact]
    public void A_short_stall_is_caught_up_and_a_long_one_skipped()
    {
        using var clock = NewClock();
        var catchingUp = new Recorder(10, tick => { if (tick == 2) Thread.Sleep(70); });
        clock.Register(catchingUp);
        Assert.True(catchingUp.Full.Wait(Patience));
        clock.Unregister(catchingUp);
        long skippedBefore = clock.SkippedTicks;

        var skipping = new Recorder(6, tick => { if (tick == catchingUp.Indices[9] + 3) Thread.Sleep(400); });
        clock.Register(skipping);
        Assert.True(skipping.Full.Wait(Patience));

        output.WriteLine($"after a 70 ms stall: {string.Join(",", catchingUp.Indices)}; after 400 ms: {string.Join(",", skipping.Indices)}, skipped {clock.SkippedTicks - skippedBefore}");
        if (skippedBefore == 0)
        {
            for (int i = 1; i < 10; i++)
            {
                Assert.Equal(catchingUp.Indices[0] + i, catchingUp.Indices[i]);
            }
        }

        int stalled = Array.IndexOf(skipping.Indices, catchingUp.Indices[9] + 3);
        Assert.InRange(stalled, 0, 4);
        Assert.InRange(skipping.Indices[stalled + 1] - skipping.Indices[stalled], MediaClock.MaxCatchUpTicks + 2, 40);
        Assert.InRange(clock.SkippedTicks - skippedBefore, MediaClock.MaxCatchUpTicks + 1, 40);
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
