using VoipCore.Configuration;
using VoipCore.Logging;
using VoipCore.Sessions;
using VoipCore.Tests.Events;
using VoipCore.Tests.Support;
using static VoipCore.Tests.Sessions.EventLog;

namespace VoipCore.Tests.Sessions;

/// <summary>
/// Session timers (RFC 4028) on a live call: one engine runs its SIP and call timers on a clock the test
/// advances, the other on real time, so 45 s of session timer pass in an instant.
/// </summary>
public class SessionTimerFlowTests
{
    private sealed class Side : IDisposable
    {
        public Side(string calls, TimeProvider? time = null)
        {
            var config = ConfigLoader.Load($"{{\"log_level\":\"off\",\"calls\":{calls}}}");
            Engine = time is null ? new Engine(config) : new Engine(config, time);
            Uri = "sip:user@" + Engine.Listen("udp:127.0.0.1:0")["udp:".Length..];
            Events = new EventLog(Engine);
            Engine.Log.Level = LogLevel.Debug;
            Engine.Events.SetLogSink(Wire);
        }

        public Engine Engine { get; }
        public string Uri { get; }
        public EventLog Events { get; }
        public RecordingLogSink Wire { get; } = new();

        public int Received(string requestLine) =>
            Wire.Records.Count(r => r.Category == "sip.wire" && r.Message.StartsWith("received from", StringComparison.Ordinal) && r.Message.Contains("\n" + requestLine));

        public void Dispose()
        {
            Engine.Dispose();
            Events.Dispose();
        }
    }

    private static (Call Outgoing, Call Incoming) Connect(Side caller, Side callee)
    {
        var outgoing = caller.Engine.Calls.MakeCall(null, callee.Uri, ["pcmu"]);
        var incoming = Call.FromHandle(callee.Events.WaitForIncoming().Handle);
        incoming.Answer();
        caller.Events.WaitForState(outgoing.Handle, CallState.Connected);
        callee.Events.WaitForState(incoming.Handle, CallState.Connected);
        return (outgoing, incoming);
    }

    [Fact]
    public void The_refresher_refreshes_with_update_at_half_the_interval_and_again_after_each_refresh()
    {
        var clock = new ManualTimeProvider();
        using var alice = new Side("{\"session_expires_s\":90}", clock);
        using var bob = new Side("{}");
        var (outgoing, incoming) = Connect(alice, bob);

        clock.Advance(TimeSpan.FromSeconds(44));
        Thread.Sleep(300);
        Assert.Equal(0, bob.Received("UPDATE sip:"));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(SpinWait.SpinUntil(() => bob.Received("UPDATE sip:") == 1, 5000), "no refresh at 45 s");
        Thread.Sleep(300);
        clock.Advance(TimeSpan.FromSeconds(46));
        Assert.True(SpinWait.SpinUntil(() => bob.Received("UPDATE sip:") == 2, 5000), "no second refresh 45 s after the first");
        Assert.Equal(CallState.Connected, outgoing.State);
        Assert.Equal(CallState.Connected, incoming.State);
        outgoing.Hangup();
        bob.Events.WaitForState(incoming.Handle, CallState.Terminated);
    }

    [Fact]
    public void Without_a_refresh_the_other_side_ends_the_call_before_the_interval_runs_out()
    {
        var clock = new ManualTimeProvider();
        using var alice = new Side("{}", clock);
        using var bob = new Side("{\"session_expires_s\":90}");
        var (outgoing, incoming) = Connect(bob, alice);

        // bob refreshes (the caller, as nobody named a refresher); his real clock will not reach 45 s here.
        clock.Advance(TimeSpan.FromSeconds(59));
        Thread.Sleep(300);
        Assert.Equal(CallState.Connected, incoming.State);
        clock.Advance(TimeSpan.FromSeconds(2));
        var end = alice.Events.WaitForState(incoming.Handle, CallState.Terminated);
        Assert.Equal("session timer expired", Text(end, "reason"));
        Assert.Equal(408, int.Parse(Text(end, "code")));
        Assert.Equal("the peer hung up", Text(bob.Events.WaitForState(outgoing.Handle, CallState.Terminated), "reason"));
    }
}
