using VoipCore.Dialogs;
using VoipCore.Sip;
using static VoipCore.Tests.Dialogs.CallFlow;

namespace VoipCore.Tests.Dialogs;

public class DialogSetTests
{
    // Two phones ring for Bob behind a forking proxy: the desk phone (tag "desk") and the mobile (tag "mobile").
    private static SipMessage From(string tag, int status, string reason) =>
        ResponseAtAlice(status, reason, toTag: tag, contact: $"<sip:bob@{tag}.biloxi.example.com>");

    [Fact]
    public void TwoForksRingAndOneAnswers()
    {
        var set = new DialogSet(AliceInvite());
        Assert.Equal((CallId, AliceTag), (set.CallId, set.LocalTag));

        Assert.Equal(ForkResponseKind.NoDialog, set.ProcessResponse(ResponseAtAlice(100, "Trying", toTag: "")).Kind);
        ForkResponse desk = set.ProcessResponse(From("desk", 180, "Ringing"));
        ForkResponse mobile = set.ProcessResponse(From("mobile", 180, "Ringing"));
        Assert.Equal(ForkResponseKind.EarlyDialogCreated, desk.Kind);
        Assert.Equal(ForkResponseKind.EarlyDialogCreated, mobile.Kind);
        Assert.NotSame(desk.Dialog, mobile.Dialog);
        Assert.Equal(2, set.Dialogs.Count);

        Dialog deskDialog = desk.Dialog!, mobileDialog = mobile.Dialog!;

        ForkResponse progress = set.ProcessResponse(From("desk", 183, "Session Progress"));
        Assert.Equal(ForkResponseKind.EarlyDialogContinued, progress.Kind);
        Assert.Same(deskDialog, progress.Dialog);

        ForkResponse answer = set.ProcessResponse(From("mobile", 200, "OK"));
        Assert.Equal(ForkResponseKind.Confirmed, answer.Kind);
        Assert.Same(mobileDialog, answer.Dialog);
        Assert.Same(mobileDialog, set.Established);
        Assert.Equal(DialogState.Confirmed, mobileDialog.State);
        Assert.Equal("sip:bob@mobile.biloxi.example.com", mobileDialog.RemoteTarget);
        Assert.Equal([deskDialog], answer.Superseded);
        Assert.Equal(DialogState.Early, deskDialog.State);

        // The INVITE transaction completes: the desk phone's early dialog goes.
        Assert.Equal([deskDialog], set.TerminateEarlyDialogs());
        Assert.Equal(DialogState.Terminated, deskDialog.State);
        Assert.Equal(DialogState.Confirmed, mobileDialog.State);
        Assert.Equal(ForkResponseKind.Ignored, set.ProcessResponse(From("desk", 180, "Ringing")).Kind);
    }

    [Fact]
    public void ASecond2xxFromAnotherForkIsFlaggedExtra()
    {
        var set = new DialogSet(AliceInvite());
        set.ProcessResponse(From("desk", 180, "Ringing"));
        Dialog mobile = set.ProcessResponse(From("mobile", 200, "OK")).Dialog!;

        ForkResponse second = set.ProcessResponse(From("desk", 200, "OK"));

        Assert.Equal(ForkResponseKind.ExtraConfirmed, second.Kind);
        Assert.Equal(DialogState.Confirmed, second.Dialog!.State);
        Assert.Same(mobile, set.Established);
        Assert.Empty(second.Superseded);

        // The UAC acknowledges the extra dialog and then ends it (RFC 3261 13.2.2.4).
        SipMessage ack = Sent(InDialogRequestFactory.CreateAck(second.Dialog, From("desk", 200, "OK")));
        SipMessage bye = Sent(InDialogRequestFactory.Create(second.Dialog, SipMethod.Bye));
        Assert.Equal("sip:bob@desk.biloxi.example.com", SipText.Decode(ack.RequestUriText.Span));
        Assert.Equal("desk", SipText.Decode(bye.ToTag.Span));
        Assert.True(bye.TryGetCSeq(out CSeqHeader cseq));
        Assert.Equal(2u, cseq.Number);
    }

    [Fact]
    public void A2xxWithoutEarlyDialogCreatesItConfirmedAndItsRetransmissionIsRepeated()
    {
        var set = new DialogSet(AliceInvite());

        ForkResponse first = set.ProcessResponse(From("desk", 200, "OK"));
        ForkResponse again = set.ProcessResponse(From("desk", 200, "OK"));
        ForkResponse extra = set.ProcessResponse(From("mobile", 200, "OK"));

        Assert.Equal(ForkResponseKind.Confirmed, first.Kind);
        Assert.Empty(first.Superseded);
        Assert.Equal(ForkResponseKind.Repeated2xx, again.Kind);
        Assert.Same(first.Dialog, again.Dialog);
        Assert.Equal(ForkResponseKind.ExtraConfirmed, extra.Kind);
        Assert.Equal(2, set.Dialogs.Count);
    }

    [Fact]
    public void AFailureResponseEndsEveryEarlyDialog()
    {
        var set = new DialogSet(AliceInvite());
        Dialog desk = set.ProcessResponse(From("desk", 180, "Ringing")).Dialog!;
        Dialog mobile = set.ProcessResponse(From("mobile", 180, "Ringing")).Dialog!;

        ForkResponse busy = set.ProcessResponse(From("mobile", 486, "Busy Here"));

        Assert.Equal(ForkResponseKind.Failed, busy.Kind);
        Assert.Null(busy.Dialog);
        Assert.Equal(2, busy.Terminated.Count);
        Assert.Contains(desk, busy.Terminated);
        Assert.Contains(mobile, busy.Terminated);
        Assert.All(set.Dialogs, d => Assert.Equal(DialogState.Terminated, d.State));
        Assert.Null(set.Established);
    }

    [Fact]
    public void ResponsesToAnotherRequestAreRefused()
    {
        var set = new DialogSet(AliceInvite());
        SipMessage otherCall = Edited(From("desk", 180, "Ringing"), CallId, "other@atlanta.example.com");

        var e = Assert.Throws<VoipException>(() => set.ProcessResponse(otherCall));

        Assert.Equal(ErrorCode.InvalidArgument, e.Code);
        Assert.Empty(set.Dialogs);
    }
}
