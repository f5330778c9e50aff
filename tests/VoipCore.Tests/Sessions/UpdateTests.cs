using System.Net;
using VoipCore.Events;
using VoipCore.Sessions;
using static VoipCore.Tests.Sessions.EventLog;

namespace VoipCore.Tests.Sessions;

public class UpdateTests
{
    /// <summary>Alice calls the raw callee, which answers; returns what the UPDATEs need: the INVITE and where alice listens.</summary>
    private static (Call Outgoing, string Invite, IPEndPoint Alice) Connect(CallPair pair, RawCallee callee)
    {
        var outgoing = pair.Alice.Calls.MakeCall(null, callee.Uri, ["pcmu"]);
        var (invite, alice) = callee.Expect("INVITE ");
        callee.Reply(invite, alice, "200 OK", "Allow: INVITE, ACK, BYE, UPDATE\r\n", callee.Sdp());
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Connected);
        callee.Expect("ACK ");
        return (outgoing, invite, alice);
    }

    private static void SendUpdate(RawCallee callee, string invite, IPEndPoint alice, int cseq, string? sdp) =>
        callee.SendRequest(alice, $"UPDATE {RawCallee.ContactUri(invite)} SIP/2.0",
            $"From: {RawCallee.Header(invite, "To")};tag=raw1\r\nTo: {RawCallee.Header(invite, "From")}\r\n"
            + $"Call-ID: {RawCallee.Header(invite, "Call-ID")}\r\nCSeq: {cseq} UPDATE\r\nContact: <{callee.Uri}>\r\n", sdp);

    [Fact]
    public void An_update_offering_sendonly_is_answered_recvonly_and_shows_as_remote_hold()
    {
        using var pair = new CallPair();
        using var callee = new RawCallee();
        var (outgoing, invite, alice) = Connect(pair, callee);

        SendUpdate(callee, invite, alice, 1, callee.Sdp("sendonly"));
        var (answer, _) = callee.Expect("SIP/2.0 ");
        Assert.StartsWith("SIP/2.0 200", answer);
        Assert.Equal("1 UPDATE", RawCallee.Header(answer, "CSeq"));
        Assert.Contains("a=recvonly", answer);
        pair.AliceEvents.WaitFor(e => e.Type == EventType.CallState && e.Handle == outgoing.Handle && Text(e, "remote_hold") == "True", "remote hold");
        Assert.True(outgoing.RemoteHold);

        // Without a body it only refreshes the session: 200 with no SDP, and the hold stays.
        SendUpdate(callee, invite, alice, 2, null);
        var (refresh, _) = callee.Expect("SIP/2.0 ");
        Assert.StartsWith("SIP/2.0 200", refresh);
        Assert.Equal("2 UPDATE", RawCallee.Header(refresh, "CSeq"));
        Assert.Equal("0", RawCallee.Header(refresh, "Content-Length"));
        Assert.True(outgoing.RemoteHold);

        SendUpdate(callee, invite, alice, 3, callee.Sdp("sendrecv"));
        var (resumed, _) = callee.Expect("SIP/2.0 ");
        Assert.Contains("a=sendrecv", resumed);
        pair.AliceEvents.WaitFor(e => e.Type == EventType.CallState && e.Handle == outgoing.Handle && Text(e, "reason") == "the peer resumed the call", "remote resume");
        Assert.False(outgoing.RemoteHold);
    }

    [Fact]
    public void An_update_for_an_unknown_dialog_gets_481()
    {
        using var pair = new CallPair();
        using var callee = new RawCallee();
        var (_, invite, alice) = Connect(pair, callee);
        callee.SendRequest(alice, $"UPDATE {RawCallee.ContactUri(invite)} SIP/2.0",
            $"From: <{callee.Uri}>;tag=other\r\nTo: {RawCallee.Header(invite, "From").Split(";tag=")[0]};tag=nosuch\r\n"
            + $"Call-ID: unknown-{callee.SipPort}\r\nCSeq: 1 UPDATE\r\n", null);
        var (answer, _) = callee.Expect("SIP/2.0 ");
        Assert.StartsWith("SIP/2.0 481", answer);
    }
}
