using System.Globalization;
using VoipCore.Dialogs;
using VoipCore.Sip;
using VoipCore.Transactions;

namespace VoipCore.Sessions;

/// <summary>
/// Reliable provisional responses (RFC 3262). As caller: every 18x that requires 100rel is acknowledged with a
/// PRACK in its early dialog, once per RSeq. As callee, when the INVITE requires 100rel: our 18x goes out with
/// an RSeq and is retransmitted (T1 doubling, up to 64*T1) until its PRACK arrives, and the 200 waits for it.
/// </summary>
public sealed partial class Call
{
    private readonly Dictionary<Dialog, uint> _acknowledgedRSeq = [];
    private uint _localRSeq;
    private SipMessageBuilder? _unacknowledged;
    private TimeSpan _reliableInterval;
    private TimeSpan _reliableElapsed;
    private ITimer? _reliableTimer;
    private bool _answerAfterPrack;

    /// <summary>Sends the PRACK a reliable 18x asks for, unless its RSeq was acknowledged already (a retransmission).</summary>
    private async Task AcknowledgeReliableAsync(SipMessage response, Dialog? early)
    {
        if (early is not { State: DialogState.Early } || early.RemoteTarget.Length == 0
            || !OptionTags.Lists(response, HeaderId.Require, OptionTags.Reliable) || !TryReadNumber(response, HeaderId.RSeq, out uint rseq))
        {
            return;
        }
        if (_acknowledgedRSeq.TryGetValue(early, out uint last) && rseq <= last)
        {
            return;
        }
        _acknowledgedRSeq[early] = rseq;
        var prack = InDialogRequestFactory.Create(early, SipMethod.Prack);
        prack.Add(HeaderId.RAck, $"{rseq} {_inviteCSeq} INVITE");
        var request = await PrepareInDialogAsync(early, prack).ConfigureAwait(false);
        _ = _manager.Sip.Transactions.SendAsync(request);
    }

    private static bool TryReadNumber(SipMessage message, HeaderId header, out uint number)
    {
        number = 0;
        return message.TryGetFirst(header, out var value)
            && uint.TryParse(SipText.Decode(value.Span).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>True when the caller's INVITE requires our provisional responses to be reliable.</summary>
    private bool ReliableProvisionalsRequired => OptionTags.Lists(_incoming!.Request, HeaderId.Require, OptionTags.Reliable);

    /// <summary>Makes <paramref name="response"/> (an 18x) reliable and starts retransmitting it until its PRACK.</summary>
    private void MarkReliable(SipMessageBuilder response)
    {
        if (_localRSeq == 0)
        {
            // RFC 3262 3: the first RSeq is chosen between 1 and 2^31 - 1.
            _localRSeq = (uint)Random.Shared.Next(1, 1 << 20);
        }
        else
        {
            _localRSeq++;
        }
        response.Add(HeaderId.Require, OptionTags.Reliable).Add(HeaderId.RSeq, _localRSeq.ToString(CultureInfo.InvariantCulture));
        _unacknowledged = response;
        _reliableTimer?.Dispose();
        _reliableInterval = _manager.Sip.Transactions.Timers.T1;
        _reliableElapsed = TimeSpan.Zero;
        _reliableTimer = Schedule(_reliableInterval, RetransmitReliable);
    }

    private void RetransmitReliable()
    {
        if (_unacknowledged == null || !IsPending(_incoming))
        {
            return;
        }
        _reliableElapsed += _reliableInterval;
        if (_reliableElapsed >= _manager.Sip.Transactions.Timers.TransactionTimeout)
        {
            // RFC 3262 3: a reliable provisional never acknowledged within 64*T1 ends the INVITE with a 5xx.
            _unacknowledged = null;
            Decide(504, "no PRACK for our reliable provisional response");
            return;
        }
        TryRespond(_unacknowledged);
        _reliableInterval *= 2;
        _reliableTimer = Schedule(_reliableInterval, RetransmitReliable);
    }

    /// <summary>The caller's PRACK: 200 when it acknowledges our latest reliable 18x (then a waiting answer goes out), else 481.</summary>
    private void OnPrack(ServerTransaction transaction)
    {
        string rack = transaction.Request.TryGetFirst(HeaderId.RAck, out var value) ? SipText.Decode(value.Span) : "";
        string[] parts = rack.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool matches = parts.Length == 3 && _localRSeq != 0 && _incoming != null
            && parts[0] == _localRSeq.ToString(CultureInfo.InvariantCulture)
            && _incoming.Request.TryGetCSeq(out CSeqHeader cseq) && parts[1] == cseq.Number.ToString(CultureInfo.InvariantCulture)
            && parts[2].Equals("INVITE", StringComparison.OrdinalIgnoreCase);
        if (!matches)
        {
            transaction.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }
        transaction.Respond(200);
        _unacknowledged = null;
        _reliableTimer?.Dispose();
        if (_answerAfterPrack)
        {
            _answerAfterPrack = false;
            SendAnswer();
        }
    }
}
