using VoipCore.Dialogs;
using VoipCore.Sip;
using static VoipCore.Tests.Dialogs.CallFlow;

namespace VoipCore.Tests.Dialogs;

public class UacDialogTests
{
    private static Dialog ConfirmedAtAlice(string recordRoute = "<sip:ss2.biloxi.example.com;lr>, <sip:ss1.atlanta.example.com;lr>")
    {
        SipMessage invite = AliceInvite();
        Dialog dialog = Dialog.CreateAsUac(invite, ResponseAtAlice(180, "Ringing", recordRoute: recordRoute));
        dialog.ConfirmWithResponse(ResponseAtAlice(200, "OK", recordRoute: recordRoute));
        return dialog;
    }

    [Fact]
    public void InviteRingingOkGivesConfirmedDialogWithReversedRouteSet()
    {
        SipMessage invite = AliceInvite();
        Dialog dialog = Dialog.CreateAsUac(invite, ResponseAtAlice(180, "Ringing", contact: null));

        Assert.Equal(DialogState.Early, dialog.State);
        Assert.Equal(new DialogId(CallId, AliceTag, BobTag), dialog.Id);
        Assert.Equal("", dialog.RemoteTarget);

        dialog.ConfirmWithResponse(ResponseAtAlice(200, "OK"));

        Assert.Equal(DialogState.Confirmed, dialog.State);
        Assert.Equal(["<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>"], dialog.RouteSet.Values);
        Assert.True(dialog.RouteSet.FirstHopIsLooseRouter);
        Assert.Equal("sip:bob@192.0.2.4", dialog.RemoteTarget);
        Assert.Equal("Alice <sip:alice@atlanta.example.com>", dialog.LocalAddress);
        Assert.Equal("Bob <sip:bob@biloxi.example.com>", dialog.RemoteAddress);
        Assert.Equal("<sip:alice@client.atlanta.example.com;transport=udp>", dialog.LocalContact);
        Assert.Equal(1u, dialog.LocalCSeq);
        Assert.Null(dialog.RemoteCSeq);
        Assert.False(dialog.IsSecure);
    }

    [Fact]
    public void RouteSetIsRecomputedFromThe2xx()
    {
        SipMessage invite = AliceInvite();
        Dialog dialog = Dialog.CreateAsUac(invite, ResponseAtAlice(180, "Ringing", recordRoute: "<sip:old.example.com;lr>"));
        Assert.Equal(["<sip:old.example.com;lr>"], dialog.RouteSet.Values);

        dialog.ConfirmWithResponse(ResponseAtAlice(200, "OK", contact: "<sip:bob@192.0.2.9:5070>"));

        Assert.Equal(["<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>"], dialog.RouteSet.Values);
        Assert.Equal("sip:bob@192.0.2.9:5070", dialog.RemoteTarget);
    }

    [Fact]
    public void ByeWithLooseRoutingTargetsTheContactAndCarriesTheRouteSet()
    {
        Dialog dialog = ConfirmedAtAlice();

        SipMessageBuilder bye = InDialogRequestFactory.Create(dialog, SipMethod.Bye);

        Assert.Equal(Wire($"""
            BYE sip:bob@192.0.2.4 SIP/2.0
            Max-Forwards: 70
            Route: <sip:ss1.atlanta.example.com;lr>
            Route: <sip:ss2.biloxi.example.com;lr>
            To: Bob <sip:bob@biloxi.example.com>;tag={BobTag}
            From: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
            Call-ID: {CallId}
            CSeq: 2 BYE
            Content-Length: 0
            """), Text(bye));
        Assert.Equal(2u, dialog.LocalCSeq);
    }

    [Fact]
    public void TheTransactionLayerPrependsItsViaOnTop()
    {
        SipMessageBuilder bye = InDialogRequestFactory.Create(ConfirmedAtAlice(), SipMethod.Bye)
            .Prepend(HeaderId.Via, "SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bKnashds7");

        SipMessage parsed = SipMessage.Parse(bye.ToArray());

        Assert.Equal(HeaderId.Via, parsed.Headers[0].Id);
        Assert.True(parsed.TryGetTopVia(out ViaHeader via));
        Assert.Equal("z9hG4bKnashds7", SipText.Decode(via.Branch.Span));
        Assert.False(SipMessageValidator.Validate(parsed).IsError);
    }

    [Fact]
    public void StrictFirstHopBecomesTheRequestUriAndTheTargetTheLastRoute()
    {
        // ss1 is an RFC 2543 strict router (no ;lr); the UAC meets it first.
        Dialog dialog = ConfirmedAtAlice(recordRoute: "<sip:ss2.biloxi.example.com;lr>, <sip:ss1.atlanta.example.com;transport=tcp>");
        Assert.False(dialog.RouteSet.FirstHopIsLooseRouter);

        SipMessageBuilder info = InDialogRequestFactory.Create(dialog, SipMethod.Info);

        Assert.Equal(Wire($"""
            INFO sip:ss1.atlanta.example.com;transport=tcp SIP/2.0
            Max-Forwards: 70
            Route: <sip:ss2.biloxi.example.com;lr>
            Route: <sip:bob@192.0.2.4>
            To: Bob <sip:bob@biloxi.example.com>;tag={BobTag}
            From: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
            Call-ID: {CallId}
            CSeq: 2 INFO
            Contact: <sip:alice@client.atlanta.example.com;transport=udp>
            Content-Length: 0
            """), Text(info));
    }

    [Fact]
    public void NoRecordRouteMeansRequestsGoStraightToTheTarget()
    {
        Dialog dialog = ConfirmedAtAlice(recordRoute: "");

        SipMessage bye = Sent(InDialogRequestFactory.Create(dialog, SipMethod.Bye));

        Assert.True(dialog.RouteSet.IsEmpty);
        Assert.Equal("sip:bob@192.0.2.4", SipText.Decode(bye.RequestUriText.Span));
        Assert.False(bye.Contains(HeaderId.Route));
    }

    [Fact]
    public void AckFor2xxUsesTheInviteCSeqAndTheRouteSet()
    {
        SipMessage ok = ResponseAtAlice(200, "OK");
        Dialog dialog = Dialog.CreateAsUac(AliceInvite(), ok);

        SipMessageBuilder ack = InDialogRequestFactory.CreateAck(dialog, ok);

        Assert.Equal(Wire($"""
            ACK sip:bob@192.0.2.4 SIP/2.0
            Max-Forwards: 70
            Route: <sip:ss1.atlanta.example.com;lr>
            Route: <sip:ss2.biloxi.example.com;lr>
            To: Bob <sip:bob@biloxi.example.com>;tag={BobTag}
            From: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
            Call-ID: {CallId}
            CSeq: 1 ACK
            Contact: <sip:alice@client.atlanta.example.com;transport=udp>
            Content-Length: 0
            """), Text(ack));
        Assert.Equal(1u, dialog.LocalCSeq);
    }

    [Fact]
    public void AckRefusesResponsesItCannotAcknowledge()
    {
        Dialog dialog = ConfirmedAtAlice();

        var notInvite = Assert.Throws<VoipException>(() => InDialogRequestFactory.CreateAck(dialog, ResponseAtAlice(200, "OK", cseq: 2, method: "BYE")));
        var otherFork = Assert.Throws<VoipException>(() => InDialogRequestFactory.CreateAck(dialog, ResponseAtAlice(200, "OK", toTag: "other")));
        var provisional = Assert.Throws<VoipException>(() => InDialogRequestFactory.CreateAck(dialog, ResponseAtAlice(180, "Ringing")));

        Assert.All([notInvite, otherFork, provisional], e => Assert.Equal(ErrorCode.InvalidArgument, e.Code));
    }

    [Fact]
    public void AckAndCancelAreNotBuiltAsNewRequests()
    {
        Dialog dialog = ConfirmedAtAlice();

        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => InDialogRequestFactory.Create(dialog, SipMethod.Ack)).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => InDialogRequestFactory.Create(dialog, SipMethod.Cancel)).Code);
        Assert.Equal(1u, dialog.LocalCSeq);
    }

    [Fact]
    public void ReInviteTargetRefreshIsAppliedFromIts2xx()
    {
        Dialog dialog = ConfirmedAtAlice();
        dialog.LocalContact = "<sip:alice@192.0.2.101:5062>";

        SipMessage reInvite = Sent(InDialogRequestFactory.Create(dialog, SipMethod.Invite));
        Assert.True(reInvite.TryGetCSeq(out CSeqHeader cseq));
        Assert.Equal(2u, cseq.Number);
        Assert.True(reInvite.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> contact));
        Assert.Equal("<sip:alice@192.0.2.101:5062>", SipText.Decode(contact.Span));

        Assert.False(dialog.ApplyTargetRefresh(ResponseAtAlice(200, "OK", contact: null, cseq: 2)));
        Assert.Equal("sip:bob@192.0.2.4", dialog.RemoteTarget);

        SipMessage ok = ResponseAtAlice(200, "OK", contact: "<sip:bob@198.51.100.7:5080;transport=tcp>", cseq: 2);
        Assert.True(dialog.ApplyTargetRefresh(ok));
        Assert.Equal("sip:bob@198.51.100.7:5080;transport=tcp", dialog.RemoteTarget);

        SipMessage ack = Sent(InDialogRequestFactory.CreateAck(dialog, ok));
        Assert.Equal("sip:bob@198.51.100.7:5080;transport=tcp", SipText.Decode(ack.RequestUriText.Span));
        Assert.True(ack.TryGetCSeq(out CSeqHeader ackCSeq));
        Assert.Equal((2u, SipMethod.Ack), (ackCSeq.Number, ackCSeq.Method));
    }

    [Fact]
    public void OnlySuccessfulTargetRefreshesApply()
    {
        Dialog dialog = ConfirmedAtAlice();

        Assert.Throws<VoipException>(() => dialog.ApplyTargetRefresh(ResponseAtAlice(491, "Request Pending", cseq: 2, contact: "<sip:x@192.0.2.66>")));
        Assert.Throws<VoipException>(() => dialog.ApplyTargetRefresh(ResponseAtAlice(200, "OK", cseq: 2, method: "BYE", contact: "<sip:x@192.0.2.66>")));
        Assert.Equal("sip:bob@192.0.2.4", dialog.RemoteTarget);
    }

    [Fact]
    public void RemoteCSeqStartsEmptySoTheFirstRequestFromBobSetsIt()
    {
        Dialog dialog = ConfirmedAtAlice();

        Assert.Equal(InDialogRequestVerdict.Accepted, dialog.ProcessRequest(RequestFromBob("INFO", 4711)));
        Assert.Equal(4711u, dialog.RemoteCSeq);
        Assert.Equal(InDialogRequestVerdict.OutOfOrder, dialog.ProcessRequest(RequestFromBob("INFO", 4710)));
        Assert.Equal(4711u, dialog.RemoteCSeq);
    }

    [Fact]
    public void SipsRequestUriMakesTheDialogSecure()
    {
        SipMessage invite = Edited(AliceInvite(), "INVITE sip:bob@", "INVITE sips:bob@");
        Dialog dialog = Dialog.CreateAsUac(invite, ResponseAtAlice(200, "OK"));

        Assert.True(dialog.IsSecure);
    }
}
