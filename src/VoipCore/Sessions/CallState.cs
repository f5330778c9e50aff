namespace VoipCore.Sessions;

/// <summary>The states of a call; the numbers are vc_call_state_t in include/voipcore.h.</summary>
public enum CallState
{
    /// <summary>Created; nothing sent or offered to the host yet.</summary>
    Initializing = 0,

    /// <summary>Outgoing: the INVITE is out, no ringing yet.</summary>
    Dialing = 1,

    /// <summary>Outgoing: the far end rings (180/183). Incoming: waiting for the host's decision.</summary>
    Ringing = 2,

    /// <summary>Answered; media flows.</summary>
    Connected = 3,

    /// <summary>We put the call on hold (our re-INVITE offered sendonly or inactive).</summary>
    OnHold = 4,

    /// <summary>A transfer we started is in progress.</summary>
    Transferring = 5,

    /// <summary>Ending: our BYE or CANCEL is out, waiting for its answer.</summary>
    Terminating = 6,

    /// <summary>Over; the handle is released once this state's event is posted.</summary>
    Terminated = 7,
}
