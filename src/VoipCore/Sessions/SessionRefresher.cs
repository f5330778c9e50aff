namespace VoipCore.Sessions;

/// <summary>Which end of a session refreshes it (the refresher parameter of Session-Expires, RFC 4028 4).</summary>
public enum SessionRefresher : byte
{
    /// <summary>The side that sent the INVITE.</summary>
    Uac,

    /// <summary>The side that answered it.</summary>
    Uas,
}
