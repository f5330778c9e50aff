using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>
/// The dialogs of a user agent by <see cref="DialogId"/>, for matching incoming requests and responses to them.
/// Thread-safe: any thread may add, match and remove; the dialogs themselves are used from their call's queue.
/// </summary>
public sealed class DialogTable
{
    private readonly ConcurrentDictionary<DialogId, Dialog> _dialogs = new();

    /// <summary>Number of dialogs held.</summary>
    public int Count => _dialogs.Count;

    /// <summary>Adds a dialog; false when one with the same ID is already there.</summary>
    public bool TryAdd(Dialog dialog) => _dialogs.TryAdd(dialog.Id, dialog);

    /// <summary>Finds a dialog by ID.</summary>
    public bool TryGet(DialogId id, [NotNullWhen(true)] out Dialog? dialog) => _dialogs.TryGetValue(id, out dialog);

    /// <summary>Removes a dialog by ID (e.g. once terminated); false when it was not there.</summary>
    public bool TryRemove(DialogId id, [NotNullWhen(true)] out Dialog? dialog) => _dialogs.TryRemove(id, out dialog);

    /// <summary>
    /// The dialog of an incoming request (RFC 3261 12.2.2): local tag from To, remote tag from From. False for a
    /// request outside any dialog (no To tag) or for an unknown dialog, which a UAS answers with 481.
    /// </summary>
    public bool TryMatchRequest(SipMessage request, [NotNullWhen(true)] out Dialog? dialog)
    {
        dialog = null;
        return request.IsRequest && DialogId.TryFromIncomingRequest(request, out DialogId id) && TryGet(id, out dialog);
    }

    /// <summary>The dialog of a response to one of our requests (RFC 3261 12.1.2): local tag from From, remote tag from To.</summary>
    public bool TryMatchResponse(SipMessage response, [NotNullWhen(true)] out Dialog? dialog)
    {
        dialog = null;
        return response.IsResponse && DialogId.TryFromIncomingResponse(response, out DialogId id) && TryGet(id, out dialog);
    }
}
