using System.Runtime.InteropServices;

namespace VoipCore.Auth;

/// <summary>
/// Bounded replay memory: a <see cref="ReplayWindow"/> for up to <c>capacity</c> nonces, oldest first out.
/// Once a nonce is forgotten its nc history is gone, so any nonce issued no later than a forgotten one is
/// refused as <see cref="NonceUse.Forgotten"/> (the server answers stale, the client takes a fresh nonce)
/// rather than letting an old request be replayed.
/// </summary>
internal sealed class NonceCountTracker(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<NonceStamp, ReplayWindow> _windows = new(capacity);
    private readonly Queue<NonceStamp> _insertionOrder = new(capacity);
    private long _forgottenUpToUnixMs = long.MinValue;

    public NonceUse Use(NonceStamp stamp, uint nonceCount)
    {
        lock (_lock)
        {
            if (!_windows.ContainsKey(stamp))
            {
                if (stamp.IssuedAtUnixMs <= _forgottenUpToUnixMs)
                {
                    return NonceUse.Forgotten;
                }
                MakeRoom();
                _insertionOrder.Enqueue(stamp);
            }
            ref var window = ref CollectionsMarshal.GetValueRefOrAddDefault(_windows, stamp, out _);
            return window.TryAccept(nonceCount) ? NonceUse.Accepted : NonceUse.Replayed;
        }
    }

    private void MakeRoom()
    {
        while (_windows.Count >= capacity)
        {
            var oldest = _insertionOrder.Dequeue();
            _windows.Remove(oldest);
            _forgottenUpToUnixMs = Math.Max(_forgottenUpToUnixMs, oldest.IssuedAtUnixMs);
        }
    }
}
