using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Sessions;
using static VoipCore.Tests.Sessions.EventLog;

namespace VoipCore.Tests.Sessions;

public class CallTransferTests
{
    /// <summary>A third party for transfers: carol, answering every call she gets.</summary>
    private sealed class Carol : IDisposable
    {
        public Carol()
        {
            Engine = new Engine(ConfigLoader.Load("{\"log_level\":\"off\"}"));
            Uri = "sip:carol@" + Engine.Listen("udp:127.0.0.1:0")["udp:".Length..];
            Events = new EventLog(Engine);
        }

        public Engine Engine { get; }
        public string Uri { get; }
        public EventLog Events { get; }

        public void Dispose()
        {
            Engine.Dispose();
            Events.Dispose();
        }
    }

    [Fact]
    public void Blind_transfer_connects_the_peer_to_the_target_and_ends_both_original_legs()
    {
        using var pair = new CallPair();
        using var carol = new Carol();
        var (aliceToBob, bobFromAlice) = pair.Connect(["pcmu"]);
        bobFromAlice.Transfer(carol.Uri);
        pair.BobEvents.WaitForState(bobFromAlice.Handle, CallState.Transferring);

        var referred = pair.AliceEvents.WaitFor(e => e.Type == EventType.CallTransfer && Text(e, "role") == "transferee", "REFER at alice");
        Assert.Equal(aliceToBob.Handle, referred.Handle);
        var aliceToCarol = referred.Related;
        var atCarol = Call.FromHandle(carol.Events.WaitForIncoming().Handle);
        atCarol.Answer();
        pair.AliceEvents.WaitForState(aliceToCarol, CallState.Connected);

        var bobEnd = pair.BobEvents.WaitForState(bobFromAlice.Handle, CallState.Terminated);
        Assert.Equal("transferred", Text(bobEnd, "reason"));
        var progress = pair.BobEvents.All(e => e.Type == EventType.CallTransfer).Select(e => e.Value).ToList();
        // The first NOTIFY may overtake the REFER's 202 (RFC 3515 2.4.4); the NOTIFYs themselves come in order.
        Assert.Contains(202L, progress);
        Assert.Equal([100L, 180L, 200L], progress.Where(code => code != 202));
        pair.AliceEvents.WaitForState(aliceToBob.Handle, CallState.Terminated);
        Assert.Equal(CallState.Connected, atCarol.State);
        atCarol.Hangup();
        pair.AliceEvents.WaitForState(aliceToCarol, CallState.Terminated);
    }

    [Fact]
    public void A_failed_blind_transfer_returns_the_call_to_where_it_was()
    {
        using var pair = new CallPair();
        using var carol = new Carol();
        var (aliceToBob, bobFromAlice) = pair.Connect(["pcmu"]);
        bobFromAlice.Transfer(carol.Uri);
        Call.FromHandle(carol.Events.WaitForIncoming().Handle).Reject(486);
        var back = pair.BobEvents.WaitFor(e => e.Type == EventType.CallState && e.Handle == bobFromAlice.Handle
            && e.Value == (long)CallState.Connected && e.Value2 == (long)CallState.Transferring, "back to connected");
        Assert.Equal(486, int.Parse(Text(back, "code")));
        Assert.Equal(CallState.Connected, aliceToBob.State);
        aliceToBob.Hangup();
    }

    [Fact]
    public void Attended_transfer_replaces_the_consultation_call_at_the_target()
    {
        using var pair = new CallPair();
        using var carol = new Carol();
        var (aliceToBob, bobFromAlice) = pair.Connect(["pcmu"]);
        bobFromAlice.Hold();
        pair.BobEvents.WaitForState(bobFromAlice.Handle, CallState.OnHold);
        var bobToCarol = pair.Bob.Calls.MakeCall(null, carol.Uri, ["pcmu"]);
        var carolFromBob = Call.FromHandle(carol.Events.WaitForIncoming().Handle);
        carolFromBob.Answer();
        pair.BobEvents.WaitForState(bobToCarol.Handle, CallState.Connected);

        bobFromAlice.TransferTo(bobToCarol);

        var replacing = carol.Events.WaitFor(e => e.Type == EventType.CallIncoming && e.Handle != carolFromBob.Handle, "INVITE with Replaces");
        Assert.Equal(carolFromBob.Handle.ToString(), Text(replacing, "replaces"));
        carol.Events.WaitForState(replacing.Handle, CallState.Connected);
        Assert.Equal("replaced by another call", Text(carol.Events.WaitForState(carolFromBob.Handle, CallState.Terminated), "reason"));
        pair.BobEvents.WaitForState(bobToCarol.Handle, CallState.Terminated);
        Assert.Equal("transferred", Text(pair.BobEvents.WaitForState(bobFromAlice.Handle, CallState.Terminated), "reason"));
        var aliceToCarol = pair.AliceEvents.WaitFor(e => e.Type == EventType.CallTransfer, "REFER at alice").Related;
        pair.AliceEvents.WaitForState(aliceToCarol, CallState.Connected);
        pair.AliceEvents.WaitForState(aliceToBob.Handle, CallState.Terminated);
        Call.FromHandle(replacing.Handle).Hangup();
    }

    [Fact]
    public void An_invite_replacing_an_unknown_dialog_gets_481()
    {
        using var pair = new CallPair();
        var call = pair.Alice.Calls.MakeCall(null, pair.BobUri, ["pcmu"],
            new Dictionary<string, string> { ["Replaces"] = "nosuchcall;to-tag=a;from-tag=b" });
        var end = pair.AliceEvents.WaitForState(call.Handle, CallState.Terminated);
        Assert.Equal(481, int.Parse(Text(end, "code")));
        Assert.Empty(pair.BobEvents.All(e => e.Type == EventType.CallIncoming));
    }
}
