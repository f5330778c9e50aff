namespace VoipCore.Sessions;

/// <summary>Who sent the INVITE that created the call.</summary>
public enum CallDirection
{
    Outgoing = 0,
    Incoming = 1,
}
