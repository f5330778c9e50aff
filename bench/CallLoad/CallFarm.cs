using System.Diagnostics;

namespace VoipCore.Bench.CallLoad;

/// <summary>
/// The two ends of every call, both ours and in this process: the caller engine (playing the test tone) and
/// the callee engine (answering, sending G.711 silence back), on distinct RTP port ranges of loopback.
/// </summary>
internal sealed class CallFarm : IDisposable
{
    // Hanging up is not what is measured, so it goes faster than dialling; still paced so the BYEs are no burst.
    private const int HangupsPerSecond = 200;

    private int _dialled;

    public CallFarm(string tonePath)
    {
        Caller = new CallSide("caller", 20000, 24999, answers: false, playPath: tonePath);
        Callee = new CallSide("callee", 25000, 29999, answers: true, playPath: null);
        CalleeUri = "sip:bob@" + Callee.Address["udp:".Length..];
    }

    public CallSide Caller { get; }
    public CallSide Callee { get; }
    public string CalleeUri { get; }

    /// <summary>Calls connected on both ends.</summary>
    public int Up => Math.Min(Caller.CallsUp().Length, Callee.CallsUp().Length);

    /// <summary>Places <paramref name="count"/> more calls, <paramref name="perSecond"/> a second.</summary>
    public void Dial(int count, int perSecond)
    {
        var start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++, _dialled++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                Thread.Sleep(due);
            }
            Caller.Engine.Calls.MakeCall(null, CalleeUri, ["pcmu"]);
        }
    }

    /// <summary>Waits until every call dialled so far connected at both ends or failed; false on timeout.</summary>
    public bool WaitForConnected(TimeSpan timeout) =>
        WaitUntil(() => Settled(Caller) && Settled(Callee), timeout);

    private bool Settled(CallSide side) => side.Connected + side.Failed >= _dialled;

    /// <summary>Hangs every call up from the caller's end and waits until both ends saw each one end; false on timeout.</summary>
    public bool HangupAll(TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        var calls = Caller.CallsUp();
        for (int i = 0; i < calls.Length; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / HangupsPerSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                Thread.Sleep(due);
            }
            try
            {
                calls[i].Hangup();
            }
            catch (VoipException)
            {
                // It ended meanwhile; the wait below still counts it.
            }
        }
        return WaitUntil(() => Caller.CallsUp().Length == 0 && Callee.CallsUp().Length == 0, timeout);
    }

    private static bool WaitUntil(Func<bool> done, TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        while (!done())
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                return false;
            }
            Thread.Sleep(20);
        }
        return true;
    }

    public void Dispose()
    {
        Caller.Dispose();
        Callee.Dispose();
    }
}
