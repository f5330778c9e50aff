using VoipCore.Events;
using VoipCore.Logging;

namespace VoipCore.Tests.Events;

public class EventDispatcherTests
{
    private static EngineEvent User(long value) => new(EventType.User, Value: value);

    [Fact]
    public void WithoutSinkEventsWaitForPollingInOrder()
    {
        using var dispatcher = new EventDispatcher(64, "test");
        dispatcher.Post(User(1));
        dispatcher.Post(User(2));
        Assert.Equal(1, dispatcher.Poll(2000)!.Value);
        var second = dispatcher.Poll(2000)!;
        Assert.Equal(2, second.Value);
        Assert.Equal(2ul, second.Sequence);
        Assert.Null(dispatcher.Poll(0));
    }

    [Fact]
    public void PollTimesOutWhenNothingArrives()
    {
        using var dispatcher = new EventDispatcher(64, "test");
        var started = Environment.TickCount64;
        Assert.Null(dispatcher.Poll(50));
        Assert.InRange(Environment.TickCount64 - started, 40, 5000);
    }

    [Fact]
    public void SinkReceivesEventsFromManyThreadsOnOneThreadInOrderPerPoster()
    {
        const int posters = 6, perPoster = 500;
        var sink = new RecordingEventSink();
        using var dispatcher = new EventDispatcher(64, "test");
        dispatcher.SetEventSink(sink);
        var threads = Enumerable.Range(0, posters).Select(p => new Thread(() =>
        {
            for (int i = 0; i < perPoster; i++)
            {
                dispatcher.Post(User(p * 1_000_000 + i));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.True(sink.WaitFor(posters * perPoster));

        var delivered = sink.Delivered.ToList();
        Assert.Single(delivered.Select(d => d.ThreadId).Distinct());
        Assert.DoesNotContain(delivered, d => threads.Any(t => t.ManagedThreadId == d.ThreadId));
        for (int i = 1; i < delivered.Count; i++)
        {
            Assert.Equal(delivered[i - 1].Event.Sequence + 1, delivered[i].Event.Sequence);
        }
        foreach (var perThread in delivered.GroupBy(d => d.Event.Value / 1_000_000))
        {
            var values = perThread.Select(d => d.Event.Value % 1_000_000).ToList();
            Assert.Equal(Enumerable.Range(0, perPoster).Select(i => (long)i), values);
        }
    }

    [Fact]
    public void EventsParkedForPollingGoToANewSinkFirst()
    {
        using var dispatcher = new EventDispatcher(64, "test");
        dispatcher.Post(User(1));
        dispatcher.Post(User(2));
        Assert.True(SpinWait.SpinUntil(() => dispatcher.Poll(0) is { } e && e.Value == 1, 2000));
        var sink = new RecordingEventSink();
        dispatcher.SetEventSink(sink);
        dispatcher.Post(User(3));
        Assert.True(sink.WaitFor(2));
        Assert.Equal(new long[] { 2, 3 }, sink.Delivered.Select(d => d.Event.Value));
    }

    [Fact]
    public void FullPollQueueDropsOldestAndReportsTheCount()
    {
        using var dispatcher = new EventDispatcher(16, "test");
        for (int i = 0; i < 20; i++)
        {
            dispatcher.Post(User(i));
        }
        // The dispatch thread parks events asynchronously: wait until it has parked them all.
        Assert.True(SpinWait.SpinUntil(() => dispatcher.Backlog == (0, 16, 4), 5000));
        var first = dispatcher.Poll(0)!;
        Assert.Equal(EventType.EventsDropped, first.Type);
        Assert.Equal(4, first.Value);
        Assert.Equal(4, dispatcher.Poll(1000)!.Value);
    }

    [Fact]
    public void SinkMayCallBackIntoTheDispatcher()
    {
        using var dispatcher = new EventDispatcher(64, "test");
        var sink = new RecordingEventSink(e =>
        {
            if (e.Value == 1)
            {
                dispatcher.Post(User(2));
            }
        });
        dispatcher.SetEventSink(sink);
        dispatcher.Post(User(1));
        Assert.True(sink.WaitFor(2));
    }

    [Fact]
    public void ThrowingSinkDoesNotStopDelivery()
    {
        using var dispatcher = new EventDispatcher(64, "test");
        var sink = new RecordingEventSink(e =>
        {
            if (e.Value == 1)
            {
                throw new InvalidOperationException("host bug");
            }
        });
        dispatcher.SetEventSink(sink);
        dispatcher.Post(User(1));
        dispatcher.Post(User(2));
        Assert.True(sink.WaitFor(2));
    }

    [Fact]
    public void DisposeFromInsideTheSinkReturnsAndStopsDelivery()
    {
        var dispatcher = new EventDispatcher(64, "test");
        var disposedInside = new ManualResetEventSlim();
        var sink = new RecordingEventSink(e =>
        {
            dispatcher.Dispose();
            disposedInside.Set();
        });
        dispatcher.SetEventSink(sink);
        dispatcher.Post(User(1));
        Assert.True(disposedInside.Wait(5000));
        Assert.Throws<VoipException>(() => dispatcher.Post(User(2)));
        Thread.Sleep(50);
        Assert.Single(sink.Delivered);
    }

    [Fact]
    public async Task DisposeWakesABlockedPollerWithShutdown()
    {
        var dispatcher = new EventDispatcher(64, "test");
        var poller = Task.Run(() => Assert.Throws<VoipException>(() => dispatcher.Poll(-1)));
        await Task.Delay(50);
        dispatcher.Dispose();
        var error = await poller.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ErrorCode.Shutdown, error.Code);
    }

    [Fact]
    public void LogRecordsReachTheLogSinkInOrder()
    {
        using var dispatcher = new EventDispatcher(64, "test");
        var logs = new RecordingLogSink();
        dispatcher.SetLogSink(logs);
        var logger = new Logger(dispatcher, LogLevel.Info);
        logger.Debug("t", "hidden");
        logger.Info("t", "one");
        logger.Error("t", "two");
        Assert.True(SpinWait.SpinUntil(() => logs.Records.Count == 2, 5000));
        Assert.Equal(new[] { "one", "two" }, logs.Records.Select(r => r.Message));
        Assert.False(logger.IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public async Task ReplacingTheSinkWaitsForTheRunningDelivery()
    {
        using var dispatcher = new EventDispatcher(64, "test");
        var inside = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        int running = 0;
        var slow = new RecordingEventSink(_ =>
        {
            Interlocked.Exchange(ref running, 1);
            inside.Set();
            release.Wait(5000);
            Interlocked.Exchange(ref running, 0);
        });
        dispatcher.SetEventSink(slow);
        dispatcher.Post(User(1));
        Assert.True(inside.Wait(5000));
        var replacing = Task.Run(() => dispatcher.SetEventSink(null));
        await Task.Delay(100);
        Assert.False(replacing.IsCompleted, "SetEventSink returned while the old sink was still running");
        release.Set();
        await replacing.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Volatile.Read(ref running));
    }

    [Fact]
    public void ANewSinkHearsOfEventsDroppedBeforeIt()
    {
        using var dispatcher = new EventDispatcher(16, "test");
        for (int i = 0; i < 18; i++)
        {
            dispatcher.Post(User(i));
        }
        Assert.True(SpinWait.SpinUntil(() => dispatcher.Backlog == (0, 16, 2), 5000));
        var sink = new RecordingEventSink();
        dispatcher.SetEventSink(sink);
        Assert.True(sink.WaitFor(17));
        var first = sink.Delivered.First().Event;
        Assert.Equal(EventType.EventsDropped, first.Type);
        Assert.Equal(2, first.Value);
        Assert.Equal(Enumerable.Range(2, 16).Select(i => (long)i), sink.Delivered.Skip(1).Select(d => d.Event.Value));
    }
}
