using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>
/// Identifies a dialog (RFC 3261 12): Call-ID, local tag and remote tag, compared exactly (ordinal), so it can key
/// a dictionary. The same dialog has the tags swapped at the two ends: our local tag is the peer's remote tag.
/// </summary>
/// <param name="CallId">The Call-ID.</param>
/// <param name="LocalTag">Our tag (From of our requests, To of the peer's requests).</param>
/// <param name="RemoteTag">The peer's tag; empty for an RFC 2543 peer that sent no From tag.</param>
public readonly record struct DialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>
    /// The ID of the dialog an incoming request belongs to (RFC 3261 12.2.2): local tag from To, remote tag from
    /// From. False when To has no tag, i.e. the request is not within a dialog.
    /// </summary>
    public static bool TryFromIncomingRequest(SipMessage request, out DialogId id) =>
        TryCreate(request, localTag: request.ToTag, remoteTag: request.FromTag, out id);

    /// <summary>
    /// The ID of the dialog a response to our request belongs to (RFC 3261 12.1.2): local tag from From, remote tag
    /// from To. False when To has no tag (e.g. 100 Trying), which creates no dialog.
    /// </summary>
    public static bool TryFromIncomingResponse(SipMessage response, out DialogId id) =>
        TryCreate(response, localTag: response.FromTag, remoteTag: response.ToTag, out id);

    private static bool TryCreate(SipMessage message, ReadOnlyMemory<byte> localTag, ReadOnlyMemory<byte> remoteTag, out DialogId id)
    {
        bool hasToTag = message.TryGetTo(out NameAddress to) && to.HasTag;
        id = hasToTag
            ? new DialogId(SipText.Decode(message.CallId.Span), SipText.Decode(localTag.Span), SipText.Decode(remoteTag.Span))
            : default;
        return hasToTag;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{CallId} (local tag {LocalTag}, remote tag {RemoteTag})";
}
