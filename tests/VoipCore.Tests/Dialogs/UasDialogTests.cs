using VoipCore.Dialogs;
using VoipCore.Sip;
using static VoipCore.Tests.Dialogs.CallFlow;

namespace VoipCore.Tests.Dialogs;

public class UasDialogTests
{
    private const string BobContact = "<sip:bob@client.biloxi.example.com>";

    private static Dialog ConfirmedAtBob() => Dialog.CreateAsUas(InviteAtBob(), BobTag, BobContact, 200);

    [Fact]
    public void IncomingInviteAnsweredWith180GivesEarlyDialogWithRouteSetAsReceived()
    {
        SipMessage invite = InviteAtBob();
        Dialog dialog = Dialog.CreateAsUas(invite, BobTag, BobContact, 180);

        Assert.Equal(DialogState.Early, dialog.State);
        Assert.Equal(new DialogId(CallId, BobTag, AliceTag), dialog.Id);
        Assert.Equal(["<sip:ss2.biloxi.example.com;lr>", "<sip:ss1.atlanta.example.com;lr>"], dialog.RouteSet.Values);
        Assert.Equal("sip:alice@client.atlanta.example.com;transport=udp", dialog.RemoteTarget);
        Assert.Equal("Bob <sip:bob@biloxi.example.com>", dialog.LocalAddress);
        Assert.Equal("Alice <sip:alice@atlanta.example.com>", dialog.RemoteAddress);
        Assert.Null(dialog.LocalCSeq);
        Assert.Equal(1u, dialog.RemoteCSeq);

        // Alice sees the same dialog in our 180 with the tags swapped.
        SipMessage ringing = SipMessage.Parse(SipResponses.Create(invite, 180, toTag: BobTag).Add(HeaderId.Contact, BobContact).ToArray());
        Assert.True(DialogId.TryFromIncomingResponse(ringing, out DialogId atAlice));
        Assert.Equal(new DialogId(CallId, AliceTag, BobTag), atAlice);

        dialog.Confirm();
        Assert.Equal(DialogState.Confirmed, dialog.State);
    }

    [Fact]
    public void ByeFromBobStartsLocalCSeqAndRoutesThroughTheRecordedProxiesInOrder()
    {
        Dialog dialog = ConfirmedAtBob();

        SipMessageBuilder bye = InDialogRequestFactory.Create(dialog, SipMethod.Bye);

        Assert.Equal(Wire($"""
            BYE sip:alice@client.atlanta.example.com;transport=udp SIP/2.0
            Max-Forwards: 70
            Route: <sip:ss2.biloxi.example.com;lr>
            Route: <sip:ss1.atlanta.example.com;lr>
            To: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
            From: Bob <sip:bob@biloxi.example.com>;tag={BobTag}
            Call-ID: {CallId}
            CSeq: 1 BYE
            Content-Length: 0
            """), Text(bye));
        Assert.Equal(1u, dialog.LocalCSeq);
        Assert.True(Sent(InDialogRequestFactory.Create(dialog, SipMethod.Options)).TryGetCSeq(out CSeqHeader next));
        Assert.Equal((2u, SipMethod.Options), (next.Number, next.Method));
    }

    [Fact]
    public void InDialogRequestsAreCheckedAgainstTheRemoteCSeq()
    {
        Dialog dialog = ConfirmedAtBob();

        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(RequestFromAlice("ACK", 1)));
        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(RequestFromAlice("INFO", 5)));
        Assert.Equal(5u, dialog.RemoteCSeq);

        SipMessage late = RequestFromAlice("BYE", 3);
        InDialogRequestVerdict verdict = dialog.ProcessRequest(late);
        Assert.Equal(InDialogRequestVerdict.OutOfOrder, verdict);
        Assert.Equal(500, verdict.RejectionStatusCode());
        SipMessage rejection = SipMessage.Parse(SipResponses.Create(late, verdict.RejectionStatusCode()).ToArray());
        Assert.Equal((500, "Server Internal Error"), (rejection.StatusCode, rejection.GetReasonPhrase()));
        Assert.Equal(5u, dialog.RemoteCSeq);

        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(RequestFromAlice("BYE", 6)));
        Assert.Equal(6u, dialog.RemoteCSeq);
        dialog.Terminate();

        InDialogRequestVerdict afterEnd = dialog.ProcessRequest(RequestFromAlice("INFO", 7));
        Assert.Equal(InDialogRequestVerdict.DialogTerminated, afterEnd);
        Assert.Equal(481, afterEnd.RejectionStatusCode());
    }

    [Fact]
    public void AckAndCancelAreNotHeldToCSeqOrder()
    {
        Dialog dialog = ConfirmedAtBob();
        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(RequestFromAlice("INVITE", 2, contact: "<sip:alice@192.0.2.101>")));

        // The ACK of the first INVITE's 2xx may arrive after the re-INVITE; it keeps CSeq 1.
        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(RequestFromAlice("ACK", 1)));
        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(RequestFromAlice("CANCEL", 1)));
        Assert.Equal(2u, dialog.RemoteCSeq);
    }

    [Fact]
    public void ReInviteRefreshesTheTargetOnlyWhenApplied()
    {
        Dialog dialog = ConfirmedAtBob();
        SipMessage reInvite = RequestFromAlice("INVITE", 2, contact: "<sip:alice@192.0.2.101:5062>");

        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(reInvite));
        Assert.Equal("sip:alice@client.atlanta.example.com;transport=udp", dialog.RemoteTarget);

        // The session layer answered 2xx, so the refresh takes effect.
        Assert.True(dialog.ApplyTargetRefresh(reInvite));
        Assert.Equal("sip:alice@192.0.2.101:5062", dialog.RemoteTarget);
        Assert.Equal("BYE sip:alice@192.0.2.101:5062 SIP/2.0", Text(InDialogRequestFactory.Create(dialog, SipMethod.Bye)).Split("\r\n")[0]);
    }

    [Fact]
    public void UpdateIsATargetRefreshButInfoIsNot()
    {
        Dialog dialog = ConfirmedAtBob();

        Assert.True(dialog.ApplyTargetRefresh(RequestFromAlice("UPDATE", 2, contact: "<sip:alice@203.0.113.5>")));
        Assert.Equal("sip:alice@203.0.113.5", dialog.RemoteTarget);
        var info = Assert.Throws<VoipException>(() => dialog.ApplyTargetRefresh(RequestFromAlice("INFO", 3, contact: "<sip:alice@203.0.113.6>")));
        Assert.Equal(ErrorCode.InvalidArgument, info.Code);
        Assert.Equal("sip:alice@203.0.113.5", dialog.RemoteTarget);
    }

    [Fact]
    public void RequestsAlreadyInADialogOrNonDialogStatusesCreateNoDialog()
    {
        var inDialog = Assert.Throws<VoipException>(() => Dialog.CreateAsUas(RequestFromAlice("INVITE", 2), BobTag, BobContact, 200));
        var rejected = Assert.Throws<VoipException>(() => Dialog.CreateAsUas(InviteAtBob(), BobTag, BobContact, 486));
        var trying = Assert.Throws<VoipException>(() => Dialog.CreateAsUas(InviteAtBob(), BobTag, BobContact, 100));

        Assert.All([inDialog, rejected, trying], e => Assert.Equal(ErrorCode.InvalidArgument, e.Code));
    }
}
