namespace VoipCore.Dialogs;

/// <summary>The states of a dialog (RFC 3261 12): Early -> Confirmed -> Terminated, or Early -> Terminated.</summary>
public enum DialogState : byte
{
    /// <summary>Created by a provisional (101-199) response with a To tag.</summary>
    Early,
    /// <summary>Established by a 2xx response.</summary>
    Confirmed,
    /// <summary>Ended (BYE, non-2xx final response to the creating request, or an early dialog left behind).</summary>
    Terminated,
}
