namespace VoipCore.Dialogs;

/// <summary>The outcome of <see cref="DialogSet.ProcessResponse"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Dialog">The dialog the response belongs to; null for <see cref="ForkResponseKind.NoDialog"/> and <see cref="ForkResponseKind.Failed"/>.</param>
/// <param name="Superseded">
/// On <see cref="ForkResponseKind.Confirmed"/>, the early dialogs of the other forks. They stay early, since a 2xx
/// of theirs may still arrive, until the caller ends them (RFC 3261 13.2.2.4: when the INVITE transaction
/// completes, see <see cref="DialogSet.TerminateEarlyDialogs"/>). Empty otherwise.
/// </param>
/// <param name="Terminated">On <see cref="ForkResponseKind.Failed"/>, the early dialogs the final response ended. Empty otherwise.</param>
public readonly record struct ForkResponse(ForkResponseKind Kind, Dialog? Dialog, IReadOnlyList<Dialog> Superseded, IReadOnlyList<Dialog> Terminated)
{
    internal static ForkResponse Of(ForkResponseKind kind, Dialog? dialog) => new(kind, dialog, [], []);
}
