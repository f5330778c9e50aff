using VoipCore.Dialogs;
using VoipCore.Sip;
using static VoipCore.Tests.Dialogs.CallFlow;

namespace VoipCore.Tests.Dialogs;

public class DialogStateTests
{
    private static Dialog Early() => Dialog.CreateAsUas(InviteAtBob(), BobTag, "<sip:bob@client.biloxi.example.com>", 180);

    private static void AssertInvalidState(Action action) =>
        Assert.Equal(ErrorCode.InvalidState, Assert.Throws<VoipException>(action).Code);

    [Fact]
    public void EarlyConfirmedTerminated()
    {
        Dialog dialog = Early();
        dialog.Confirm();
        dialog.Terminate();
        Assert.Equal(DialogState.Terminated, dialog.State);
    }

    [Fact]
    public void EarlyTerminated()
    {
        Dialog dialog = Early();
        dialog.Terminate();
        Assert.Equal(DialogState.Terminated, dialog.State);
    }

    [Fact]
    public void ConfirmingTwiceIsRejected()
    {
        Dialog dialog = Early();
        dialog.Confirm();
        AssertInvalidState(dialog.Confirm);
        Assert.Equal(DialogState.Confirmed, dialog.State);
    }

    [Fact]
    public void NothingLeavesTerminated()
    {
        Dialog dialog = Early();
        dialog.Terminate();
        AssertInvalidState(dialog.Confirm);
        AssertInvalidState(dialog.Terminate);
        Assert.Equal(DialogState.Terminated, dialog.State);
    }

    [Fact]
    public void A2xxCannotReconfirmAUacDialog()
    {
        SipMessage ok = ResponseAtAlice(200, "OK");
        Dialog dialog = Dialog.CreateAsUac(AliceInvite(), ok);
        AssertInvalidState(() => dialog.ConfirmWithResponse(ok));
    }

    [Fact]
    public void NoNewRequestsOnATerminatedDialog()
    {
        Dialog dialog = Early();
        dialog.Terminate();
        AssertInvalidState(() => InDialogRequestFactory.Create(dialog, SipMethod.Bye));
        AssertInvalidState(() => dialog.ApplyTargetRefresh(RequestFromAlice("UPDATE", 2, contact: "<sip:a@192.0.2.1>")));
        Assert.Null(dialog.LocalCSeq);
    }

    [Fact]
    public void A2xxRetransmittedAfterByeIsStillAcknowledged()
    {
        SipMessage ok = ResponseAtAlice(200, "OK");
        Dialog dialog = Dialog.CreateAsUac(AliceInvite(), ok);
        InDialogRequestFactory.Create(dialog, SipMethod.Bye);
        dialog.Terminate();

        SipMessage ack = Sent(InDialogRequestFactory.CreateAck(dialog, ok));

        Assert.True(ack.TryGetCSeq(out CSeqHeader cseq));
        Assert.Equal((1u, SipMethod.Ack), (cseq.Number, cseq.Method));
    }
}
