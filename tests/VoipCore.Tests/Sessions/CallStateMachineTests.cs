using VoipCore.Sessions;

namespace VoipCore.Tests.Sessions;

public class CallStateMachineTests
{
    private static readonly CallState[] AllStates = Enum.GetValues<CallState>();

    [Fact]
    public void An_outgoing_call_walks_dialing_ringing_connected_hold_and_back_then_ends()
    {
        var machine = new CallStateMachine(CallDirection.Outgoing);
        foreach (var next in new[] { CallState.Dialing, CallState.Ringing, CallState.Connected, CallState.OnHold, CallState.Connected, CallState.Terminating, CallState.Terminated })
        {
            var previous = machine.State;
            Assert.Equal(previous, machine.MoveTo(next));
            Assert.Equal(next, machine.State);
        }
        Assert.True(machine.IsTerminated);
    }

    [Fact]
    public void Terminated_is_final_and_every_state_can_end()
    {
        foreach (var state in AllStates)
        {
            Assert.False(CallStateMachine.IsAllowed(CallState.Terminated, state));
            Assert.Equal(state != CallState.Terminated, CallStateMachine.IsAllowed(state, CallState.Terminated));
        }
    }

    [Theory]
    [InlineData(CallState.Initializing, CallState.Connected)]
    [InlineData(CallState.Ringing, CallState.Dialing)]
    [InlineData(CallState.Connected, CallState.Ringing)]
    [InlineData(CallState.Terminating, CallState.Connected)]
    [InlineData(CallState.Dialing, CallState.OnHold)]
    public void Impossible_moves_throw_invalid_state_naming_both_states(CallState from, CallState to)
    {
        Assert.False(CallStateMachine.IsAllowed(from, to));
        var machine = Walk(CallDirection.Outgoing, from);
        var e = Assert.Throws<VoipException>(() => machine.MoveTo(to));
        Assert.Equal(ErrorCode.InvalidState, e.Code);
        Assert.Contains(from.ToString(), e.Message);
        Assert.Contains(to.ToString(), e.Message);
        Assert.Equal(from, machine.State);
    }

    [Fact]
    public void Decisions_are_for_ringing_incoming_calls_only()
    {
        var incoming = Walk(CallDirection.Incoming, CallState.Ringing);
        Assert.True(incoming.Allows(CallOperation.Answer));
        Assert.True(incoming.Allows(CallOperation.Reject));
        Assert.False(incoming.Allows(CallOperation.Hold));
        var outgoing = Walk(CallDirection.Outgoing, CallState.Ringing);
        var e = Assert.Throws<VoipException>(() => outgoing.Require(CallOperation.Answer));
        Assert.Equal(ErrorCode.InvalidState, e.Code);
        Assert.Contains("only an incoming call", e.Message);
    }

    [Fact]
    public void Hold_needs_connected_resume_needs_on_hold()
    {
        var machine = Walk(CallDirection.Outgoing, CallState.Connected);
        Assert.True(machine.Allows(CallOperation.Hold));
        Assert.False(machine.Allows(CallOperation.Resume));
        machine.MoveTo(CallState.OnHold);
        Assert.False(machine.Allows(CallOperation.Hold));
        Assert.True(machine.Allows(CallOperation.Resume));
        var e = Assert.Throws<VoipException>(() => machine.Require(CallOperation.Hold));
        Assert.Equal("cannot hold a call in state OnHold", e.Message);
    }

    [Fact]
    public void Nothing_but_nothing_is_allowed_once_terminated()
    {
        var machine = Walk(CallDirection.Incoming, CallState.Terminated);
        foreach (var operation in Enum.GetValues<CallOperation>())
        {
            Assert.False(machine.Allows(operation));
        }
    }

    private static CallStateMachine Walk(CallDirection direction, CallState target)
    {
        var machine = new CallStateMachine(direction);
        CallState[] path = direction == CallDirection.Outgoing
            ? [CallState.Dialing, CallState.Ringing, CallState.Connected, CallState.OnHold, CallState.Terminating, CallState.Terminated]
            : [CallState.Ringing, CallState.Connected, CallState.OnHold, CallState.Terminating, CallState.Terminated];
        foreach (var state in path)
        {
            if (machine.State == target)
            {
                break;
            }
            if (state == CallState.Terminating && target == CallState.Terminated)
            {
                machine.MoveTo(CallState.Terminated);
                break;
            }
            machine.MoveTo(state);
        }
        Assert.Equal(target, machine.State);
        return machine;
    }
}
