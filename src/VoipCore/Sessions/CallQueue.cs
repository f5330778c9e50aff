namespace VoipCore.Sessions;

/// <summary>
/// The ordered work queue of one call (ARCHITECTURE.md section 4): signalling for a call runs one item at a
/// time, in the order posted, on the thread pool, so handlers never race on a call while calls run in
/// parallel. Items may be asynchronous; the next starts when the previous one's task completes.
/// </summary>
public sealed class CallQueue(Action<Exception> onError)
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Queues <paramref name="work"/>; its exceptions go to the error callback and do not stop the queue.</summary>
    public void Post(Func<Task> work)
    {
        lock (_gate)
        {
            _tail = _tail.ContinueWith(_ => Run(work), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    public void Post(Action work) => Post(() =>
    {
        work();
        return Task.CompletedTask;
    });

    /// <summary>Completes when everything queued so far has run.</summary>
    public Task Drained
    {
        get
        {
            lock (_gate)
            {
                return _tail;
            }
        }
    }

    private async Task Run(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            onError(e);
        }
    }
}
