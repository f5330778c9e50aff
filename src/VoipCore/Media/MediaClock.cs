using System.Diagnostics;

namespace VoipCore.Media;

/// <summary>
/// A dedicated thread that calls its registered <see cref="IMediaTickHandler"/>s every 20 ms.
/// </summary>
/// <remarks>
/// Deadlines are start + n x 20 ms on the <see cref="Stopwatch"/> clock, so lateness in one tick never shifts
/// the next: there is no cumulative drift. The thread sleeps until about a millisecond before each deadline
/// and yields in a loop for the rest, trading a little CPU for sub-millisecond accuracy (system sleeps alone
/// oversleep by up to a millisecond on Linux and far more on Windows). Up to <see cref="MaxCatchUpTicks"/>
/// late ticks are run back to back to catch up; after a longer stall the missed slots are skipped and counted
/// in <see cref="SkippedTicks"/>. Handlers may be registered and unregistered from any thread at any time; the
/// handler list is copied on change, so ticking allocates nothing. An exception from a handler is passed to
/// the error callback and the other handlers still run.
/// </remarks>
public sealed class MediaClock : IDisposable
{
    /// <summary>The tick period.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    /// <summary>Late ticks run immediately one after another before the clock gives up and skips slots.</summary>
    public const int MaxCatchUpTicks = 5;

    /// <summary>How close to a deadline the thread stops sleeping and starts yielding.</summary>
    private const double SpinMilliseconds = 1.0;

    private static readonly long PeriodTimestamps = (long)Math.Round(Stopwatch.Frequency * Period.TotalSeconds);

    private readonly Action<Exception> _onError;
    private readonly Lock _registration = new();
    private readonly Lock _dispatch = new();
    private readonly ManualResetEventSlim _stop = new();
    private readonly ManualResetEventSlim _busy = new();
    private readonly Thread _thread;
    private volatile IMediaTickHandler[] _handlers = [];
    private long _tickCount;
    private long _skippedTicks;
    private int _disposed;

    /// <summary>
    /// Starts the clock thread, named <paramref name="threadName"/>. <paramref name="onError"/> receives every
    /// exception thrown by a handler, on the clock thread; it should only log (an exception it throws is ignored).
    /// </summary>
    public MediaClock(Action<Exception> onError, string threadName = "voipcore-media")
    {
        ArgumentNullException.ThrowIfNull(onError);
        _onError = onError;
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    /// <summary>Ticks dispatched so far.</summary>
    public long TickCount => Interlocked.Read(ref _tickCount);

    /// <summary>Slots skipped because the thread fell more than <see cref="MaxCatchUpTicks"/> behind.</summary>
    public long SkippedTicks => Interlocked.Read(ref _skippedTicks);

    /// <summary>Adds <paramref name="handler"/> (once; registering it again does nothing). It is called from the next tick on.</summary>
    public void Register(IMediaTickHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_registration)
        {
            if (Array.IndexOf(_handlers, handler) < 0)
            {
                _handlers = [.. _handlers, handler];
                _busy.Set();
            }
        }
    }

    /// <summary>
    /// Removes <paramref name="handler"/>; returns false if it was not registered. Called from another thread,
    /// it waits for a tick in progress to finish, so the handler is not running and will not run again when it
    /// returns (do not call it holding a lock a handler takes). Called from a handler, it cannot wait: the
    /// removed handler may still run once in the current tick if it comes later in it.
    /// </summary>
    public bool Unregister(IMediaTickHandler handler)
    {
        lock (_registration)
        {
            int index = Array.IndexOf(_handlers, handler);
            if (index < 0)
            {
                return false;
            }

            IMediaTickHandler[] remaining = new IMediaTickHandler[_handlers.Length - 1];
            Array.Copy(_handlers, remaining, index);
            Array.Copy(_handlers, index + 1, remaining, index, remaining.Length - index);
            _handlers = remaining;
            if (remaining.Length == 0)
            {
                _busy.Reset();
            }
        }

        if (Thread.CurrentThread != _thread)
        {
            // Taking the dispatch lock once waits out a tick that still holds the old handler list.
            lock (_dispatch)
            {
            }
        }

        return true;
    }

    /// <summary>Stops the clock and waits for its thread to end (unless called from a handler).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Set();
        _busy.Set();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
            _stop.Dispose();
            _busy.Dispose();
        }
    }

    private void Run()
    {
        long start = Stopwatch.GetTimestamp();
        long tick = 0;
        while (WaitUntil(start + tick * PeriodTimestamps))
        {
            if (_handlers.Length == 0)
            {
                // Nothing to tick: park instead of waking 50 times a second, and restart the schedule on the first handler.
                _busy.Wait();
                long resumedAt = (Stopwatch.GetTimestamp() - start) / PeriodTimestamps + 1;
                tick = Math.Max(tick, resumedAt);
                continue;
            }

            long behind = (Stopwatch.GetTimestamp() - start) / PeriodTimestamps - tick;
            if (behind > MaxCatchUpTicks)
            {
                Interlocked.Add(ref _skippedTicks, behind);
                tick += behind;
            }

            Dispatch(tick++);
        }
    }

    /// <summary>Sleeps, then yields, until <paramref name="deadline"/>; false when the clock is stopped meanwhile.</summary>
    private bool WaitUntil(long deadline)
    {
        while (!_stop.IsSet)
        {
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            double milliseconds = remaining * 1000.0 / Stopwatch.Frequency;
            if (milliseconds >= SpinMilliseconds + 1)
            {
                _stop.Wait((int)(milliseconds - SpinMilliseconds));
            }
            else
            {
                Thread.Yield();
            }
        }

        return false;
    }

    private void Dispatch(long tick)
    {
        lock (_dispatch)
        {
            foreach (IMediaTickHandler handler in _handlers)
            {
                try
                {
                    handler.OnTick(tick);
                }
                catch (Exception e)
                {
                    Report(e);
                }
            }

            Interlocked.Increment(ref _tickCount);
        }
    }

    private void Report(Exception e)
    {
        try
        {
            _onError(e);
        }
        catch
        {
            // The clock outlives a broken error callback: stopping every call's media would be worse.
        }
    }
}
