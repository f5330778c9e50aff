using System.Text;
using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>
/// Builds requests within a dialog (RFC 3261 12.2.1.1) as <see cref="SipMessageBuilder"/>s without Via: the client
/// transaction that sends one prepends its Via (with its branch) with <see cref="SipMessageBuilder.Prepend"/>,
/// which puts it on top. Callers add credentials, body and extension headers the same way.
/// </summary>
public static class InDialogRequestFactory
{
    /// <summary>The Max-Forwards of requests we originate (RFC 3261 8.1.1.6).</summary>
    public const int MaxForwards = 70;

    private static readonly string MaxForwardsText = MaxForwards.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A new request in <paramref name="dialog"/>, using the next local CSeq number. Not for ACK (see
    /// <see cref="CreateAck"/>) nor CANCEL, which is built from the INVITE it cancels (RFC 3261 9.1).
    /// </summary>
    public static SipMessageBuilder Create(Dialog dialog, SipMethod method)
    {
        if (method is SipMethod.Ack or SipMethod.Cancel or SipMethod.Unknown)
            throw new VoipException(ErrorCode.InvalidArgument, $"{method} is not built by InDialogRequestFactory.Create.");
        if (dialog.State == DialogState.Terminated)
            throw new VoipException(ErrorCode.InvalidState, $"Dialog {dialog.Id} has terminated.");
        return Build(dialog, method, dialog.NextLocalCSeq());
    }

    /// <summary>
    /// The ACK for a 2xx to an INVITE in <paramref name="dialog"/> (RFC 3261 13.2.2.4): built like any in-dialog
    /// request, but with the INVITE's CSeq number (read from the 2xx) and method ACK, leaving the local CSeq as it
    /// is. Allowed in any state, because every 2xx, retransmissions included, must be acknowledged. The caller adds
    /// the INVITE's credentials, if any, and the body when the ACK carries the answer.
    /// </summary>
    public static SipMessageBuilder CreateAck(Dialog dialog, SipMessage invite2xx)
    {
        if (!invite2xx.IsResponse || invite2xx.StatusCode is < 200 or >= 300
            || !invite2xx.TryGetCSeq(out CSeqHeader cseq) || cseq.Method != SipMethod.Invite)
            throw new VoipException(ErrorCode.InvalidArgument, "An ACK built here acknowledges a 2xx to an INVITE.");
        if (!DialogId.TryFromIncomingResponse(invite2xx, out DialogId id) || id != dialog.Id)
            throw new VoipException(ErrorCode.InvalidArgument, $"The 2xx does not belong to dialog {dialog.Id}.");
        return Build(dialog, SipMethod.Ack, cseq.Number);
    }

    private static SipMessageBuilder Build(Dialog dialog, SipMethod method, uint cseq)
    {
        if (dialog.RemoteTarget.Length == 0)
            throw new VoipException(ErrorCode.InvalidState, $"Dialog {dialog.Id} has no remote target yet (no Contact seen).");
        string methodName = Encoding.ASCII.GetString(SipMethods.GetName(method));
        RequestRoute route = dialog.RouteSet.Resolve(dialog.RemoteTarget);
        SipMessageBuilder request = SipMessageBuilder.Request(methodName, route.RequestUri)
            .Add(HeaderId.MaxForwards, MaxForwardsText);
        foreach (string hop in route.Route)
            request.Add(HeaderId.Route, hop);
        request.Add(HeaderId.To, DialogAddress.WithTag(dialog.RemoteAddress, dialog.Id.RemoteTag))
            .Add(HeaderId.From, DialogAddress.WithTag(dialog.LocalAddress, dialog.Id.LocalTag))
            .Add(HeaderId.CallId, dialog.Id.CallId)
            .Add(HeaderId.CSeq, $"{cseq} {methodName}");
        // RFC 3261 20 (table 3) does not allow Contact in BYE; other requests carry ours.
        if (method != SipMethod.Bye && dialog.LocalContact.Length > 0)
            request.Add(HeaderId.Contact, dialog.LocalContact);
        return request;
    }
}
