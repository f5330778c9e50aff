namespace VoipCore.Dialogs;

/// <summary>What a response to a possibly forked request did to its <see cref="DialogSet"/>.</summary>
public enum ForkResponseKind : byte
{
    /// <summary>No dialog: 100 Trying or another response without a To tag.</summary>
    NoDialog,
    /// <summary>A provisional response created an early dialog for a new fork.</summary>
    EarlyDialogCreated,
    /// <summary>Another provisional response for an existing early dialog; nothing changed.</summary>
    EarlyDialogContinued,
    /// <summary>The first 2xx confirmed its dialog: ACK it; the other forks' early dialogs are in <see cref="ForkResponse.Superseded"/>.</summary>
    Confirmed,
    /// <summary>
    /// A 2xx from another fork after one was already confirmed: its dialog is confirmed too, but the UAC must ACK
    /// it and then send BYE (RFC 3261 13.2.2.4).
    /// </summary>
    ExtraConfirmed,
    /// <summary>Another 2xx for a dialog past the early state (a retransmission): ACK it again (RFC 3261 13.2.2.4).</summary>
    Repeated2xx,
    /// <summary>A provisional response for a dialog that is no longer early; nothing changed.</summary>
    Ignored,
    /// <summary>A non-2xx final response: every early dialog of the set ended (see <see cref="ForkResponse.Terminated"/>).</summary>
    Failed,
}
