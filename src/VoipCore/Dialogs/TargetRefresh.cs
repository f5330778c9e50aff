using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>Which requests are target refresh requests, whose Contact replaces the dialog's remote target.</summary>
public static class TargetRefresh
{
    /// <summary>
    /// True for re-INVITE (RFC 3261 12.2), UPDATE (RFC 3311 5) and SUBSCRIBE/NOTIFY (RFC 6665 4, dialogs that
    /// subscriptions create).
    /// </summary>
    public static bool IsTargetRefreshMethod(SipMethod method) =>
        method is SipMethod.Invite or SipMethod.Update or SipMethod.Subscribe or SipMethod.Notify;
}
