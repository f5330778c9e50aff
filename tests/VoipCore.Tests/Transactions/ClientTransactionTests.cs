using VoipCore.Sip;
using VoipCore.Transactions;
using static VoipCore.Tests.Transactions.TransactionHarness;

namespace VoipCore.Tests.Transactions;

public class ClientTransactionTests
{
    private static readonly TimeSpan T1 = SipTimers.Default.T1;

    [Fact]
    public async Task NonInviteRequestIsRetransmittedOnTimerEUntilAFinalResponse()
    {
        using var h = new TransactionHarness();
        var final = h.Layer.SendAsync(h.RequestToPeer("OPTIONS", "z9hG4bK-e1"));
        var first = h.PeerReceives();
        Assert.Equal(SipMethod.Options, first.Method);
        h.Time.Advance(T1);
        Assert.Equal(SipMethod.Options, h.PeerReceives().Method);
        h.Time.Advance(T1 * 2);
        Assert.Equal(SipMethod.Options, h.PeerReceives().Method);

        h.PeerResponds(first, 200);
        var response = await final.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(200, response.StatusCode);
        h.Time.Advance(T1 * 8);
        Assert.True(h.PeerReceivesNothing());

        // Timer K (T4) ends the Completed state.
        Assert.Equal(1, h.Layer.ClientCount);
        h.Time.Advance(SipTimers.Default.T4);
        Assert.Equal(0, h.Layer.ClientCount);
    }

    [Fact]
    public async Task NonInviteRetransmissionsCapAtT2()
    {
        using var h = new TransactionHarness();
        _ = h.Layer.SendAsync(h.RequestToPeer("MESSAGE", "z9hG4bK-cap"));
        h.PeerReceives();
        // 500, 1000, 2000, 4000, 4000 ms: after 11.5 s there have been five retransmissions.
        foreach (var step in new[] { 500, 1000, 2000, 4000, 4000 })
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(step - 1));
            Assert.True(h.PeerReceivesNothing(30));
            h.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(SipMethod.Message, h.PeerReceives().Method);
        }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task NonInviteTimeoutBecomesA408()
    {
        using var h = new TransactionHarness();
        var final = h.Layer.SendAsync(h.RequestToPeer("OPTIONS", "z9hG4bK-f"));
        h.PeerReceives();
        h.Time.Advance(SipTimers.Default.TransactionTimeout);
        var response = await final.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(408, response.StatusCode);
        Assert.Equal(0, h.Layer.ClientCount);
    }

    [Fact]
    public void InviteFailureIsAckedInsideTheTransactionAndAgainOnRetransmission()
    {
        using var h = new TransactionHarness();
        var owner = new RecordingClientOwner();
        h.Layer.Send(h.RequestToPeer("INVITE", "z9hG4bK-inv1"), owner);
        var invite = h.PeerReceives();
        h.PeerResponds(invite, 180);
        Assert.Equal(180, Take(owner.Responses).StatusCode);
        h.Time.Advance(T1 * 4);
        Assert.True(h.PeerReceivesNothing(), "an INVITE in Proceeding must not be retransmitted");

        h.PeerResponds(invite, 486);
        Assert.Equal(486, Take(owner.Responses).StatusCode);
        var ack = h.PeerReceives();
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.True(ack.TryGetTopVia(out var via));
        Assert.Equal("z9hG4bK-inv1", SipText.Decode(via.Branch.Span));
        Assert.Equal("peer-to", SipText.Decode(ack.ToTag.Span));
        Assert.True(ack.TryGetCSeq(out var cseq));
        Assert.Equal((1u, SipMethod.Ack), (cseq.Number, cseq.Method));

        h.PeerResponds(invite, 486);
        Assert.Equal(SipMethod.Ack, h.PeerReceives().Method);
        Assert.False(owner.Responses.TryTake(out _, 100), "a retransmitted failure must not reach the owner twice");
        h.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, h.Layer.ClientCount);
    }

    [Fact]
    public void InviteRetransmissionsDoubleWithoutCapAndTimerBFires()
    {
        using var h = new TransactionHarness();
        var owner = new RecordingClientOwner();
        h.Layer.Send(h.RequestToPeer("INVITE", "z9hG4bK-a"), owner);
        h.PeerReceives();
        foreach (var interval in new[] { 500, 1000, 2000, 4000, 8000 })
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(interval));
            Assert.Equal(SipMethod.Invite, h.PeerReceives().Method);
        }
        h.Time.Advance(SipTimers.Default.TransactionTimeout);
        Assert.Equal(1, owner.Timeouts);
    }

    [Fact]
    public void EveryInvite2xxReachesTheOwnerWhileAccepted()
    {
        using var h = new TransactionHarness();
        var owner = new RecordingClientOwner();
        h.Layer.Send(h.RequestToPeer("INVITE", "z9hG4bK-ok"), owner);
        var invite = h.PeerReceives();
        h.PeerResponds(invite, 200, "fork-a");
        h.PeerResponds(invite, 200, "fork-b");
        h.PeerResponds(invite, 200, "fork-a");
        Assert.Equal("fork-a", SipText.Decode(Take(owner.Responses).ToTag.Span));
        Assert.Equal("fork-b", SipText.Decode(Take(owner.Responses).ToTag.Span));
        Assert.Equal("fork-a", SipText.Decode(Take(owner.Responses).ToTag.Span));
        Assert.True(h.PeerReceivesNothing(), "the ACK for a 2xx is the TU's, not the transaction's");
        h.Time.Advance(SipTimers.Default.TransactionTimeout);
        Assert.Equal(0, h.Layer.ClientCount);
        Assert.Equal(0, owner.Timeouts);
    }

    [Fact]
    public async Task SendingToAClosedTcpPortBecomesA503()
    {
        using var h = new TransactionHarness();
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        int port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var request = h.RequestToPeer("OPTIONS", "z9hG4bK-tcp");
        var toClosedPort = new OutgoingRequest(request.Bytes,
            new(VoipCore.Transport.TransportProtocol.Tcp, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port)), request.Branch);
        var response = await h.Layer.SendAsync(toClosedPort).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(503, response.StatusCode);
    }
}
