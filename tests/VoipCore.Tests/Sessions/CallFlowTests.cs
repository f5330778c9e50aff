using VoipCore.Events;
using VoipCore.Sessions;
using static VoipCore.Tests.Sessions.EventLog;

namespace VoipCore.Tests.Sessions;

public class CallFlowTests
{
    [Fact]
    public void A_call_connects_both_ways_hangs_up_and_gives_every_port_back()
    {
        using var pair = new CallPair();
        var (outgoing, incoming) = pair.Connect(["pcmu"]);
        Assert.Equal(2, pair.Alice.Media.Ports.InUse + pair.Bob.Media.Ports.InUse);
        var ringing = pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Ringing);
        Assert.Equal(180, int.Parse(Text(ringing, "code")));
        outgoing.Hangup();
        var aliceEnd = pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
        var bobEnd = pair.BobEvents.WaitForState(incoming.Handle, CallState.Terminated);
        Assert.Equal("hung up", Text(aliceEnd, "reason"));
        Assert.Equal("the peer hung up", Text(bobEnd, "reason"));
        Assert.Contains("\"codec\":\"PCMU\"", aliceEnd.DetailJson);
        Assert.Equal(0, pair.Alice.Media.Ports.InUse);
        Assert.Equal(0, pair.Bob.Media.Ports.InUse);
        Assert.Equal(0, pair.Alice.Calls.Count);
        Assert.Equal(0, pair.Bob.Calls.Count);
        var stale = Assert.Throws<VoipException>(() => Call.FromHandle(outgoing.Handle));
        Assert.Equal(ErrorCode.InvalidHandle, stale.Code);
    }

    [Fact]
    public void A_rejected_call_ends_with_the_code_and_an_illegal_operation_says_why()
    {
        using var pair = new CallPair();
        var outgoing = pair.Alice.Calls.MakeCall(null, pair.BobUri);
        var offered = pair.BobEvents.WaitForIncoming();
        var incoming = Call.FromHandle(offered.Handle);
        var ringing = pair.BobEvents.WaitForState(incoming.Handle, CallState.Ringing);
        Assert.True(offered.Sequence < ringing.Sequence, "the host hears of the call before its first state change");
        var hold = Assert.Throws<VoipException>(incoming.Hold);
        Assert.Equal(ErrorCode.InvalidState, hold.Code);
        Assert.Equal("cannot hold a call in state Ringing", hold.Message);
        incoming.Reject(486);
        var again = Assert.Throws<VoipException>(() => incoming.Reject(603));
        Assert.Equal(ErrorCode.InvalidState, again.Code);
        var end = pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
        Assert.Equal(486, int.Parse(Text(end, "code")));
        Assert.Equal("ringing", Text(end, "previous"));
        pair.BobEvents.WaitForState(incoming.Handle, CallState.Terminated);
        Assert.Equal(0, pair.Bob.Media.Ports.InUse);
    }

    [Fact]
    public void Cancelling_a_ringing_call_ends_both_sides_with_487()
    {
        using var pair = new CallPair();
        var outgoing = pair.Alice.Calls.MakeCall(null, pair.BobUri);
        var incoming = pair.BobEvents.WaitForIncoming();
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Ringing);
        outgoing.Hangup();
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminating);
        var aliceEnd = pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
        var bobEnd = pair.BobEvents.WaitForState(incoming.Handle, CallState.Terminated);
        Assert.Equal(487, int.Parse(Text(aliceEnd, "code")));
        Assert.Equal(487, int.Parse(Text(bobEnd, "code")));
        Assert.Equal(0, pair.Alice.Media.Ports.InUse + pair.Bob.Media.Ports.InUse);
    }

    [Fact]
    public void No_common_codec_ends_in_488_without_bothering_the_host()
    {
        using var pair = new CallPair(bobMedia: "{\"codecs\":[\"pcma\"]}");
        var outgoing = pair.Alice.Calls.MakeCall(null, pair.BobUri, ["pcmu"]);
        var end = pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
        Assert.Equal(488, int.Parse(Text(end, "code")));
        Assert.Empty(pair.BobEvents.All(e => e.Type == EventType.CallIncoming));
        Assert.Equal(0, pair.Bob.Media.Ports.InUse);
    }

    [Fact]
    public void An_undecided_call_is_rejected_with_480_and_forwarding_answers_302()
    {
        using var pair = new CallPair(bobCalls: "{\"decision_timeout_s\":1}");
        var ignored = pair.Alice.Calls.MakeCall(null, pair.BobUri);
        var first = pair.BobEvents.WaitForIncoming();
        var end = pair.AliceEvents.WaitForState(ignored.Handle, CallState.Terminated, 5000);
        Assert.Equal(480, int.Parse(Text(end, "code")));

        var forwarded = pair.Alice.Calls.MakeCall(null, pair.BobUri);
        var incoming = Call.FromHandle(pair.BobEvents.WaitFor(e => e.Type == EventType.CallIncoming && e.Handle != first.Handle, "second incoming call").Handle);
        incoming.Defer(TimeSpan.FromSeconds(30));
        Thread.Sleep(1500);
        Assert.Equal(CallState.Ringing, incoming.State);
        incoming.Forward("sip:carol@127.0.0.1:5999");
        var moved = pair.AliceEvents.WaitForState(forwarded.Handle, CallState.Terminated);
        Assert.Equal(302, int.Parse(Text(moved, "code")));
    }

    [Fact]
    public void Hold_and_resume_move_the_caller_and_show_as_remote_hold_at_the_callee()
    {
        using var pair = new CallPair();
        var (outgoing, incoming) = pair.Connect(["pcma"]);
        outgoing.Hold();
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.OnHold);
        pair.BobEvents.WaitFor(e => e.Type == EventType.CallState && e.Handle == incoming.Handle && Text(e, "remote_hold") == "True", "remote hold");
        Assert.True(incoming.RemoteHold);
        var resume = Assert.Throws<VoipException>(incoming.Resume);
        Assert.Equal(ErrorCode.InvalidState, resume.Code);
        outgoing.Resume();
        pair.AliceEvents.WaitFor(e => e.Type == EventType.CallState && e.Handle == outgoing.Handle && e.Value == (long)CallState.Connected && e.Value2 == (long)CallState.OnHold, "resumed");
        pair.BobEvents.WaitFor(e => e.Type == EventType.CallState && e.Handle == incoming.Handle && Text(e, "reason") == "the peer resumed the call", "remote resume");
        Assert.False(incoming.RemoteHold);
        incoming.Hangup();
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
    }

    [Theory]
    [InlineData(false, "rfc4733")]
    [InlineData(true, "info")]
    public void Dtmf_digits_arrive_in_order_by_either_method(bool useInfo, string method)
    {
        using var pair = new CallPair();
        var (outgoing, incoming) = pair.Connect(["pcmu"]);
        outgoing.SendDtmf("19#*", useInfo);
        var digits = new List<string>();
        pair.BobEvents.WaitFor(e => e.Type == EventType.CallDtmf && pair.BobEvents.All(x => x.Type == EventType.CallDtmf).Count == 4, "4 digits");
        foreach (var e in pair.BobEvents.All(x => x.Type == EventType.CallDtmf))
        {
            digits.Add(Text(e, "digit"));
            Assert.Equal(method, Text(e, "method"));
            Assert.Equal(incoming.Handle, e.Handle);
        }
        Assert.Equal(["1", "9", "#", "*"], digits);
        // Event packets share the audio's sequence numbers: none of them may count as lost audio.
        Assert.Equal(0, incoming.Statistics.PacketsLost);
        outgoing.Hangup();
    }
}
