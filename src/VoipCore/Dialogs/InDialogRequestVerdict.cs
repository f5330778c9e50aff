namespace VoipCore.Dialogs;

/// <summary>What <see cref="Dialog.ProcessRequest"/> decided about an incoming in-dialog request (RFC 3261 12.2.2).</summary>
public enum InDialogRequestVerdict : byte
{
    /// <summary>In order: process it (the remote CSeq has been updated).</summary>
    Accepted,
    /// <summary>Its CSeq is lower than the remote CSeq: reject it with 500 (RFC 3261 12.2.2).</summary>
    OutOfOrder,
    /// <summary>The dialog has ended: reject it with 481 Call/Transaction Does Not Exist.</summary>
    DialogTerminated,
}

/// <summary>Helpers for <see cref="InDialogRequestVerdict"/>.</summary>
public static class InDialogRequestVerdicts
{
    /// <summary>The status code to reject the request with, or 0 for <see cref="InDialogRequestVerdict.Accepted"/>.</summary>
    public static int RejectionStatusCode(this InDialogRequestVerdict verdict) => verdict switch
    {
        InDialogRequestVerdict.OutOfOrder => 500,
        InDialogRequestVerdict.DialogTerminated => 481,
        _ => 0,
    };
}
