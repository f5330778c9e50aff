namespace VoipCore.Sessions;

/// <summary>
/// The legal moves of a call: which state may follow which, and which host operations each state allows.
/// Every change goes through <see cref="MoveTo"/>, so an impossible transition is a bug that throws rather
/// than a call in a state nobody planned for. Not thread-safe: the owning call serializes access.
/// </summary>
public sealed class CallStateMachine(CallDirection direction)
{
    public CallState State { get; private set; } = CallState.Initializing;

    public CallDirection Direction { get; } = direction;

    public bool IsTerminated => State == CallState.Terminated;

    /// <summary>True when <paramref name="next"/> may follow <paramref name="current"/>.</summary>
    public static bool IsAllowed(CallState current, CallState next) => (current, next) switch
    {
        (CallState.Terminated, _) => false,
        (_, CallState.Terminated) => true,
        (CallState.Initializing, CallState.Dialing or CallState.Ringing) => true,
        (CallState.Dialing, CallState.Ringing or CallState.Connected or CallState.Terminating) => true,
        (CallState.Ringing, CallState.Connected or CallState.Terminating) => true,
        (CallState.Connected, CallState.OnHold or CallState.Transferring or CallState.Terminating) => true,
        (CallState.OnHold, CallState.Connected or CallState.Transferring or CallState.Terminating) => true,
        (CallState.Transferring, CallState.Connected or CallState.OnHold or CallState.Terminating) => true,
        _ => false,
    };

    /// <summary>Moves to <paramref name="next"/> and returns the state left; throws InvalidState for an illegal move.</summary>
    public CallState MoveTo(CallState next)
    {
        if (!IsAllowed(State, next))
        {
            throw new VoipException(ErrorCode.InvalidState, $"a call cannot go from {State} to {next}");
        }
        var previous = State;
        State = next;
        return previous;
    }

    /// <summary>True when the host may ask for <paramref name="operation"/> now.</summary>
    public bool Allows(CallOperation operation) => operation switch
    {
        CallOperation.Answer or CallOperation.Reject or CallOperation.Forward or CallOperation.Defer or CallOperation.Ring =>
            Direction == CallDirection.Incoming && State == CallState.Ringing,
        CallOperation.Hangup => State is not (CallState.Terminating or CallState.Terminated),
        CallOperation.Hold => State == CallState.Connected,
        CallOperation.Resume => State == CallState.OnHold,
        CallOperation.Mute => State is CallState.Dialing or CallState.Ringing or CallState.Connected or CallState.OnHold or CallState.Transferring,
        CallOperation.SendDtmf => State is CallState.Connected or CallState.Transferring,
        CallOperation.Transfer => State is CallState.Connected or CallState.OnHold,
        CallOperation.ChangeMedia => State is CallState.Dialing or CallState.Ringing or CallState.Connected or CallState.OnHold or CallState.Transferring,
        _ => false,
    };

    /// <summary>Throws InvalidState, naming the operation and the state, unless <see cref="Allows"/>.</summary>
    public void Require(CallOperation operation)
    {
        if (!Allows(operation))
        {
            string who = operation is CallOperation.Answer or CallOperation.Reject or CallOperation.Forward or CallOperation.Defer or CallOperation.Ring
                && Direction == CallDirection.Outgoing ? " (only an incoming call can be)" : "";
            throw new VoipException(ErrorCode.InvalidState, $"cannot {Verb(operation)} a call in state {State}{who}");
        }
    }

    private static string Verb(CallOperation operation) => operation switch
    {
        CallOperation.SendDtmf => "send DTMF on",
        CallOperation.ChangeMedia => "change the media of",
        CallOperation.Hangup => "hang up",
        _ => operation.ToString().ToLowerInvariant(),
    };
}
