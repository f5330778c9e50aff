using System.Text;
using VoipCore.Dialogs;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.UserAgent;

namespace VoipCore.Bench.SipLoad;

/// <summary>
/// Answers every INVITE with 200 and an SDP answer, keeps a UAS dialog per call so the BYE is
/// matched (481 when it is not), retransmits each 2xx until its ACK, and answers BYE with 200.
/// What a signalling-only UAS built on the library does, without media.
/// </summary>
internal sealed class AutoAnswer(SipStack stack, string contact) : IRequestHandler
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "v=0\r\no=voipcore 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    private readonly DialogTable _dialogs = new();
    private long _answered, _ended, _unknownBye;

    public long Answered => Interlocked.Read(ref _answered);
    public long Ended => Interlocked.Read(ref _ended);
    public long UnknownBye => Interlocked.Read(ref _unknownBye);
    public int LiveDialogs => _dialogs.Count;

    public void OnRequest(ServerTransaction transaction)
    {
        switch (transaction.Request.Method)
        {
            case SipMethod.Invite:
                Answer200((InviteServerTransaction)transaction);
                break;
            case SipMethod.Bye:
                Hangup(transaction);
                break;
            default:
                transaction.Respond(405);
                break;
        }
    }

    private void Answer200(InviteServerTransaction invite)
    {
        var dialog = Dialog.CreateAsUas(invite.Request, invite.LocalTag, contact, 200);
        _dialogs.TryAdd(dialog);
        var response = invite.CreateResponse(200);
        response.Add(HeaderId.Contact, $"<{contact}>");
        response.SetBody("application/sdp", Answer);
        invite.Respond(response);
        stack.Successes.Track(invite);
        Interlocked.Increment(ref _answered);
    }

    private void Hangup(ServerTransaction bye)
    {
        if (!_dialogs.TryMatchRequest(bye.Request, out var dialog))
        {
            Interlocked.Increment(ref _unknownBye);
            bye.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }
        var verdict = dialog.ProcessRequest(bye.Request);
        if (verdict != InDialogRequestVerdict.Accepted)
        {
            bye.Respond(verdict.RejectionStatusCode());
            return;
        }
        _dialogs.TryRemove(dialog.Id, out _);
        dialog.Terminate();
        bye.Respond(200);
        Interlocked.Increment(ref _ended);
    }
}
