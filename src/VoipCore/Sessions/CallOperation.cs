namespace VoipCore.Sessions;

/// <summary>What a host asks of a call; each is legal in some states only (<see cref="CallStateMachine"/>).</summary>
public enum CallOperation
{
    Answer,
    Reject,
    Forward,
    Defer,
    Ring,
    Hangup,
    Hold,
    Resume,
    Mute,
    SendDtmf,
    Transfer,
    ChangeMedia,
}
