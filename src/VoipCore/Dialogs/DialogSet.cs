using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>
/// The dialogs one dialog-creating request of ours may create (RFC 3261 12.1.2, 13.2.2.4): a forking proxy relays
/// responses from several UASs, each with its own To tag and so its own dialog. Identified by Call-ID and local
/// (From) tag; finds or creates the dialog of each response. Not thread-safe (one call's queue uses it).
/// </summary>
public sealed class DialogSet
{
    private readonly SipMessage _request;
    private readonly Dictionary<string, Dialog> _byRemoteTag = new(StringComparer.Ordinal);
    private Dialog? _firstConfirmed;

    /// <summary>Starts the set for <paramref name="request"/>, which is copied: its buffer may be reused afterwards.</summary>
    public DialogSet(SipMessage request)
    {
        if (!request.IsRequest || request.FromTag.IsEmpty)
            throw new VoipException(ErrorCode.InvalidArgument, "A dialog set starts from our request, which carries a From tag.");
        if (!SipMessage.TryParse(request.RawMessage.ToArray(), out _request, out SipParseError error))
            throw new VoipException(ErrorCode.InvalidArgument, $"The request is not valid: {error}.");
        CallId = SipText.Decode(_request.CallId.Span);
        LocalTag = SipText.Decode(_request.FromTag.Span);
    }

    /// <summary>The Call-ID of the request.</summary>
    public string CallId { get; }

    /// <summary>Our From tag, the local tag of every dialog in the set.</summary>
    public string LocalTag { get; }

    /// <summary>Every dialog created so far, in any state.</summary>
    public IReadOnlyCollection<Dialog> Dialogs => _byRemoteTag.Values;

    /// <summary>The dialog of the first 2xx, or null before one arrived.</summary>
    public Dialog? Established => _firstConfirmed;

    /// <summary>Applies a response to the request: creates, continues, confirms or ends dialogs (see <see cref="ForkResponseKind"/>).</summary>
    public ForkResponse ProcessResponse(SipMessage response)
    {
        if (!response.IsResponse || SipText.Decode(response.CallId.Span) != CallId || SipText.Decode(response.FromTag.Span) != LocalTag)
            throw new VoipException(ErrorCode.InvalidArgument, "The response does not answer this dialog set's request.");
        if (response.StatusCode >= 300) return Fail();
        if (!DialogId.TryFromIncomingResponse(response, out DialogId id) || response.StatusCode == 100)
            return ForkResponse.Of(ForkResponseKind.NoDialog, null);
        bool isFinal = response.StatusCode >= 200;
        if (!_byRemoteTag.TryGetValue(id.RemoteTag, out Dialog? dialog))
        {
            dialog = Dialog.CreateAsUac(_request, response);
            _byRemoteTag.Add(id.RemoteTag, dialog);
            return isFinal ? Established2xx(dialog) : ForkResponse.Of(ForkResponseKind.EarlyDialogCreated, dialog);
        }
        if (dialog.State != DialogState.Early)
            return ForkResponse.Of(isFinal ? ForkResponseKind.Repeated2xx : ForkResponseKind.Ignored, dialog);
        if (!isFinal) return ForkResponse.Of(ForkResponseKind.EarlyDialogContinued, dialog);
        dialog.ConfirmWithResponse(response);
        return Established2xx(dialog);
    }

    /// <summary>
    /// Ends every dialog still early and returns them: for when the INVITE transaction is over, 64*T1 after the
    /// first 2xx (RFC 3261 13.2.2.4), or when the caller gives up on the other forks earlier. The timer is the caller's.
    /// </summary>
    public IReadOnlyList<Dialog> TerminateEarlyDialogs()
    {
        var ended = new List<Dialog>();
        foreach (Dialog dialog in _byRemoteTag.Values)
        {
            if (dialog.State != DialogState.Early) continue;
            dialog.Terminate();
            ended.Add(dialog);
        }
        return ended;
    }

    private ForkResponse Established2xx(Dialog dialog)
    {
        if (_firstConfirmed is not null) return ForkResponse.Of(ForkResponseKind.ExtraConfirmed, dialog);
        _firstConfirmed = dialog;
        var superseded = new List<Dialog>();
        foreach (Dialog other in _byRemoteTag.Values)
            if (other.State == DialogState.Early) superseded.Add(other);
        return new ForkResponse(ForkResponseKind.Confirmed, dialog, superseded, []);
    }

    /// <summary>A non-2xx final response ends the transaction and with it every early dialog (RFC 3261 12.3, 13.2.2.3).</summary>
    private ForkResponse Fail() => new(ForkResponseKind.Failed, null, [], TerminateEarlyDialogs());
}
