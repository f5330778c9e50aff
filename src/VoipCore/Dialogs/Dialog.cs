using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 12): its ID, state, local and remote addresses, remote target, route set,
/// CSeq numbers and secure flag. Pure state and rules: no transactions, sockets or timers. Not thread-safe:
/// signalling for one call is serialized (ARCHITECTURE.md section 4), so a dialog is touched from one queue at a time.
/// </summary>
public sealed class Dialog
{
    private Dialog(DialogId id, DialogState state, string localAddress, string remoteAddress, string remoteTarget,
        string localContact, RouteSet routeSet, uint? localCSeq, uint? remoteCSeq, bool isSecure)
    {
        Id = id;
        State = state;
        LocalAddress = localAddress;
        RemoteAddress = remoteAddress;
        RemoteTarget = remoteTarget;
        LocalContact = localContact;
        RouteSet = routeSet;
        LocalCSeq = localCSeq;
        RemoteCSeq = remoteCSeq;
        IsSecure = isSecure;
    }

    /// <summary>Call-ID, local tag and remote tag.</summary>
    public DialogId Id { get; }

    /// <summary>Early, confirmed or terminated.</summary>
    public DialogState State { get; private set; }

    /// <summary>Our From/To address (name-addr without tag), e.g. <c>Alice &lt;sip:alice@atlanta.com&gt;</c>.</summary>
    public string LocalAddress { get; }

    /// <summary>The peer's From/To address (name-addr without tag).</summary>
    public string RemoteAddress { get; }

    /// <summary>The peer's Contact URI, where requests go; empty until a Contact was seen (e.g. an 18x without one).</summary>
    public string RemoteTarget { get; private set; }

    /// <summary>
    /// The Contact value we put in our requests. Change it when sending a target refresh request with a new
    /// Contact (RFC 3261 12.2.1.1), so later requests carry it too.
    /// </summary>
    public string LocalContact { get; set; }

    /// <summary>The proxies in-dialog requests visit; fixed at creation (or at the 2xx for a UAC, RFC 3261 13.2.2.4).</summary>
    public RouteSet RouteSet { get; private set; }

    /// <summary>The CSeq number of our last request in the dialog; null until we send one (a UAS dialog starts empty).</summary>
    public uint? LocalCSeq { get; private set; }

    /// <summary>The CSeq number of the peer's last request in the dialog; null until one arrives (a UAC dialog starts empty).</summary>
    public uint? RemoteCSeq { get; private set; }

    /// <summary>
    /// True when the creating request's Request-URI was a sips: URI (RFC 3261 12.1.1, 12.1.2); the transport layer
    /// guarantees such requests travel over TLS.
    /// </summary>
    public bool IsSecure { get; }

    /// <summary>
    /// The dialog a UAS creates by answering <paramref name="request"/> (RFC 3261 12.1.1) with
    /// <paramref name="statusCode"/> (101-199: early, 2xx: confirmed) carrying <paramref name="localTag"/> in To and
    /// <paramref name="localContact"/> as Contact. The route set is the request's Record-Route as it is.
    /// </summary>
    public static Dialog CreateAsUas(SipMessage request, string localTag, string localContact, int statusCode)
    {
        Require(request.IsRequest, "A UAS dialog is created from a request.");
        Require(localTag.Length > 0, "The local tag must not be empty.");
        Require(request.TryGetTo(out NameAddress to) && !to.HasTag, "A request whose To has a tag is already within a dialog.");
        Require(request.TryGetFrom(out NameAddress from), "The request has no valid From.");
        var id = new DialogId(ReadCallId(request), localTag, SipText.Decode(from.Tag.Span));
        return new Dialog(id, InitialState(statusCode), DialogAddress.WithoutTag(to), DialogAddress.WithoutTag(from),
            ReadContactUri(request), localContact, RouteSet.FromRecordRoute(request, reverse: false),
            localCSeq: null, remoteCSeq: ReadCSeq(request).Number, IsSipsRequestUri(request));
    }

    /// <summary>
    /// The dialog a UAC gets from <paramref name="response"/> (101-199: early, 2xx: confirmed; it must carry a To
    /// tag) to its <paramref name="request"/> (RFC 3261 12.1.2). The route set is the response's Record-Route
    /// reversed; the remote target its Contact. With forking, use <see cref="DialogSet"/> instead.
    /// </summary>
    public static Dialog CreateAsUac(SipMessage request, SipMessage response)
    {
        Require(request.IsRequest && response.IsResponse, "A UAC dialog is created from our request and a response to it.");
        Require(response.TryGetTo(out NameAddress to) && to.HasTag, "Only a response with a To tag creates a dialog.");
        Require(request.TryGetFrom(out NameAddress from) && from.HasTag, "Our request must carry a From tag (RFC 3261 8.1.1.3).");
        string callId = ReadCallId(request);
        Require(callId == ReadCallId(response) && from.Tag.Span.SequenceEqual(response.FromTag.Span),
            "The response does not answer this request (Call-ID or From tag differ).");
        var id = new DialogId(callId, SipText.Decode(from.Tag.Span), SipText.Decode(to.Tag.Span));
        string localContact = request.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> contact) ? SipText.Decode(contact.Span) : "";
        return new Dialog(id, InitialState(response.StatusCode), DialogAddress.WithoutTag(from), DialogAddress.WithoutTag(to),
            ReadContactUri(response), localContact, RouteSet.FromRecordRoute(response, reverse: true),
            localCSeq: ReadCSeq(request).Number, remoteCSeq: null, IsSipsRequestUri(request));
    }

    /// <summary>Early -> confirmed, for a UAS sending its 2xx.</summary>
    public void Confirm() => MoveTo(DialogState.Confirmed);

    /// <summary>
    /// Early -> confirmed, for a UAC receiving a 2xx for this early dialog: the route set and remote target are
    /// recomputed from the 2xx (RFC 3261 13.2.2.4, 12.1.2).
    /// </summary>
    public void ConfirmWithResponse(SipMessage response)
    {
        Require(response.IsResponse && response.StatusCode is >= 200 and < 300, "Only a 2xx response confirms a dialog.");
        Require(BelongsToThisDialog(response), $"The response does not belong to dialog {Id}.");
        RouteSet routeSet = RouteSet.FromRecordRoute(response, reverse: true);
        string target = ReadContactUri(response);
        MoveTo(DialogState.Confirmed);
        RouteSet = routeSet;
        if (target.Length > 0) RemoteTarget = target;
    }

    /// <summary>Early or confirmed -> terminated (BYE, non-2xx final response, abandoned early dialog).</summary>
    public void Terminate() => MoveTo(DialogState.Terminated);

    /// <summary>
    /// Checks an incoming request in this dialog as a UAS (RFC 3261 12.2.2) and, when in order, remembers its CSeq.
    /// ACK and CANCEL are exempt: ACK repeats its INVITE's number and CANCEL belongs to the INVITE's transaction.
    /// A number equal to the remote CSeq passes: a retransmission never gets here (the transaction layer absorbs it).
    /// Whether it is a target refresh is decided later, by <see cref="ApplyTargetRefresh"/> once it succeeded.
    /// </summary>
    public InDialogRequestVerdict ProcessRequest(SipMessage request)
    {
        Require(request.IsRequest, "Only requests are processed.");
        if (State == DialogState.Terminated) return InDialogRequestVerdict.DialogTerminated;
        if (request.Method is SipMethod.Ack or SipMethod.Cancel) return InDialogRequestVerdict.Accepted;
        uint number = ReadCSeq(request).Number;
        if (RemoteCSeq is uint remembered && number < remembered) return InDialogRequestVerdict.OutOfOrder;
        RemoteCSeq = number;
        return InDialogRequestVerdict.Accepted;
    }

    /// <summary>
    /// Replaces the remote target with the Contact of a target refresh that succeeded (RFC 3261 12.2): the
    /// re-INVITE/UPDATE request we answered with 2xx (UAS side), or the 2xx to ours (UAC side).
    /// Returns false when the message carries no Contact, leaving the target as it was.
    /// </summary>
    public bool ApplyTargetRefresh(SipMessage message)
    {
        if (State == DialogState.Terminated) throw new VoipException(ErrorCode.InvalidState, $"Dialog {Id} has terminated.");
        SipMethod method = message.IsRequest ? message.Method : ReadCSeq(message).Method;
        Require(TargetRefresh.IsTargetRefreshMethod(method), "Only INVITE, UPDATE, SUBSCRIBE and NOTIFY refresh the target.");
        Require(message.IsRequest || message.StatusCode is >= 200 and < 300, "Only a 2xx response refreshes the target.");
        string target = ReadContactUri(message);
        if (target.Length == 0) return false;
        RemoteTarget = target;
        return true;
    }

    /// <summary>Consumes the CSeq number of our next request (RFC 3261 12.2.1.1).</summary>
    internal uint NextLocalCSeq()
    {
        // An empty local sequence number starts at 1: any value below 2^31 is allowed (RFC 3261 8.1.1.5).
        uint next = LocalCSeq is uint current
            ? current < uint.MaxValue ? current + 1 : throw new VoipException(ErrorCode.InvalidState, $"Dialog {Id} ran out of CSeq numbers.")
            : 1;
        LocalCSeq = next;
        return next;
    }

    private bool BelongsToThisDialog(SipMessage response) =>
        DialogId.TryFromIncomingResponse(response, out DialogId id) && id == Id;

    private void MoveTo(DialogState next)
    {
        bool allowed = (State, next) is (DialogState.Early, DialogState.Confirmed)
            or (DialogState.Early, DialogState.Terminated) or (DialogState.Confirmed, DialogState.Terminated);
        if (!allowed) throw new VoipException(ErrorCode.InvalidState, $"Dialog {Id} cannot go from {State} to {next}.");
        State = next;
    }

    private static DialogState InitialState(int statusCode) => statusCode switch
    {
        >= 101 and < 200 => DialogState.Early,
        >= 200 and < 300 => DialogState.Confirmed,
        _ => throw new VoipException(ErrorCode.InvalidArgument, $"A {statusCode} response creates no dialog (RFC 3261 12.1)."),
    };

    private static string ReadCallId(SipMessage message)
    {
        Require(!message.CallId.IsEmpty, "The message has no Call-ID.");
        return SipText.Decode(message.CallId.Span);
    }

    private static CSeqHeader ReadCSeq(SipMessage message)
    {
        Require(message.TryGetCSeq(out CSeqHeader cseq), "The message has no valid CSeq.");
        return cseq;
    }

    /// <summary>The URI of the first Contact, or empty when there is none.</summary>
    private static string ReadContactUri(SipMessage message)
    {
        if (!message.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> value)) return "";
        Require(NameAddress.TryParse(value, out NameAddress contact) && !contact.IsWildcard, "Malformed Contact.");
        return contact.Uri.ToString();
    }

    private static bool IsSipsRequestUri(SipMessage request) =>
        request.TryGetRequestUri(out SipUri uri) && uri.Scheme == UriScheme.Sips;

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new VoipException(ErrorCode.InvalidArgument, message);
    }
}
