using System.Net;
using VoipCore.Sessions;
using static VoipCore.Tests.Sessions.EventLog;

namespace VoipCore.Tests.Sessions;

public class ReliableProvisionalTests
{
    [Fact]
    public void A_reliable_180_is_acknowledged_once_with_a_prack_in_the_early_dialog()
    {
        using var pair = new CallPair();
        using var callee = new RawCallee();
        var outgoing = pair.Alice.Calls.MakeCall(null, callee.Uri, ["pcmu"]);
        var (invite, caller) = callee.Expect("INVITE ");
        Assert.Contains("100rel", RawCallee.Header(invite, "Supported"));
        string inviteCSeq = RawCallee.Header(invite, "CSeq").Split(' ')[0];

        callee.Reply(invite, caller, "180 Ringing", "Require: 100rel\r\nRSeq: 7\r\n");
        var (prack, from) = callee.Expect("PRACK ");
        Assert.Equal($"7 {inviteCSeq} INVITE", RawCallee.Header(prack, "RAck"));
        Assert.StartsWith($"PRACK sip:raw@127.0.0.1:{callee.SipPort}", prack);
        Assert.EndsWith(";tag=raw1", RawCallee.Header(prack, "To"));
        Assert.Equal($"{uint.Parse(inviteCSeq) + 1} PRACK", RawCallee.Header(prack, "CSeq"));
        callee.Reply(prack, from, "200 OK");

        // The same 180 again is a retransmission: no second PRACK.
        callee.Reply(invite, caller, "180 Ringing", "Require: 100rel\r\nRSeq: 7\r\n");
        Assert.False(callee.Sees("PRACK ", 600));

        callee.Reply(invite, caller, "200 OK", "", callee.Sdp());
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Connected);
        callee.Expect("ACK ");
        outgoing.Hangup();
        var (bye, byeFrom) = callee.Expect("BYE ");
        Assert.Equal($"{uint.Parse(inviteCSeq) + 2} BYE", RawCallee.Header(bye, "CSeq"));
        callee.Reply(bye, byeFrom, "200 OK");
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
    }

    [Fact]
    public void A_call_whose_invite_requires_100rel_rings_reliably_and_connects()
    {
        using var pair = new CallPair();
        var outgoing = pair.Alice.Calls.MakeCall(null, pair.BobUri, ["pcmu"], new Dictionary<string, string> { ["Require"] = "100rel" });
        var incoming = Call.FromHandle(pair.BobEvents.WaitForIncoming().Handle);
        // Answered at once: the 200 must still wait for the PRACK of the reliable 180.
        incoming.Answer();
        var ringing = pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Ringing);
        Assert.Equal(180, int.Parse(Text(ringing, "code")));
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Connected);
        pair.BobEvents.WaitForState(incoming.Handle, CallState.Connected);
        outgoing.Hangup();
        pair.BobEvents.WaitForState(incoming.Handle, CallState.Terminated);
    }

    [Fact]
    public void Our_reliable_180_carries_an_rseq_is_retransmitted_until_the_prack_and_the_200_waits_for_it()
    {
        using var pair = new CallPair();
        using var caller = new RawCallee();
        var bob = IPEndPoint.Parse(pair.BobAddress["udp:".Length..]);
        string from = $"<sip:raw@127.0.0.1:{caller.SipPort}>;tag=rawcaller";
        string to = $"<{pair.BobUri}>";
        caller.SendRequest(bob, $"INVITE {pair.BobUri} SIP/2.0",
            $"From: {from}\r\nTo: {to}\r\nCall-ID: rel-{caller.SipPort}\r\nCSeq: 10 INVITE\r\nContact: <{caller.Uri}>\r\nRequire: 100rel\r\nSupported: 100rel\r\n",
            caller.Sdp());
        var incoming = Call.FromHandle(pair.BobEvents.WaitForIncoming().Handle);
        var (ringing, _) = caller.Expect("SIP/2.0 180");
        Assert.Contains("100rel", RawCallee.Header(ringing, "Require"));
        string rseq = RawCallee.Header(ringing, "RSeq");
        Assert.True(uint.TryParse(rseq, out _), $"RSeq '{rseq}'");
        var (again, _) = caller.Expect("SIP/2.0 180", 3000);
        Assert.Equal(rseq, RawCallee.Header(again, "RSeq"));

        incoming.Answer();
        Assert.False(caller.Sees("SIP/2.0 200", 700));
        string toTagged = RawCallee.Header(ringing, "To");
        string bobContact = RawCallee.ContactUri(ringing);
        caller.SendRequest(bob, $"PRACK {bobContact} SIP/2.0",
            $"From: {from}\r\nTo: {toTagged}\r\nCall-ID: rel-{caller.SipPort}\r\nCSeq: 11 PRACK\r\nRAck: {rseq} 10 INVITE\r\n");
        var (answer, _) = caller.Expect("SIP/2.0 200");
        Assert.Contains("PRACK", RawCallee.Header(answer, "CSeq"));
        var (ok, _) = caller.Expect("SIP/2.0 200");
        Assert.Contains("INVITE", RawCallee.Header(ok, "CSeq"));
        pair.BobEvents.WaitForState(incoming.Handle, CallState.Connected);
    }

    [Fact]
    public void Early_media_in_a_reliable_183_is_acknowledged_in_its_early_dialog()
    {
        using var pair = new CallPair(bobCalls: "{\"auto_ringing\":false}");
        using var caller = new RawCallee();
        var bob = IPEndPoint.Parse(pair.BobAddress["udp:".Length..]);
        string from = $"<{caller.Uri}>;tag=rawcaller";
        caller.SendRequest(bob, $"INVITE {pair.BobUri} SIP/2.0",
            $"From: {from}\r\nTo: <{pair.BobUri}>\r\nCall-ID: early-{caller.SipPort}\r\nCSeq: 3 INVITE\r\nContact: <{caller.Uri}>\r\nRequire: 100rel\r\n",
            caller.Sdp());
        var incoming = Call.FromHandle(pair.BobEvents.WaitForIncoming().Handle);
        incoming.Ring(earlyMedia: true);
        var (progress, _) = caller.Expect("SIP/2.0 183");
        Assert.Contains("m=audio", progress);
        string rseq = RawCallee.Header(progress, "RSeq");
        caller.SendRequest(bob, $"PRACK {RawCallee.ContactUri(progress)} SIP/2.0",
            $"From: {from}\r\nTo: {RawCallee.Header(progress, "To")}\r\nCall-ID: early-{caller.SipPort}\r\nCSeq: 4 PRACK\r\nRAck: {rseq} 3 INVITE\r\n");
        var (answer, _) = caller.Expect("SIP/2.0 2");
        Assert.StartsWith("SIP/2.0 200", answer);
        Assert.Equal("4 PRACK", RawCallee.Header(answer, "CSeq"));
        Assert.False(caller.Sees("SIP/2.0 183", 800), "an acknowledged 183 is not sent again");
    }
}
