using System.Text;
using VoipCore.Sip;
using VoipCore.Transactions;
using static VoipCore.Tests.Transactions.TransactionHarness;

namespace VoipCore.Tests.Transactions;

public class ServerTransactionTests
{
    private static readonly TimeSpan T1 = SipTimers.Default.T1;

    [Fact]
    public void RetransmittedRequestGetsTheSameResponseWithoutReachingTheUserAgain()
    {
        using var h = new TransactionHarness();
        string options = h.RequestFromPeer("OPTIONS", "z9hG4bK-s1");
        h.PeerSends(options);
        var transaction = Take(h.Requests);
        transaction.Respond(200);
        var first = h.PeerReceives();
        Assert.Equal(200, first.StatusCode);

        h.PeerSends(options);
        var again = h.PeerReceives();
        Assert.Equal(first.RawMessage.ToArray(), again.RawMessage.ToArray());
        Assert.False(h.Requests.TryTake(out _, 100));
        Assert.Equal(1, h.Layer.Statistics.RetransmissionsAbsorbed);

        h.Time.Advance(SipTimers.Default.TransactionTimeout);
        Assert.Equal(0, h.Layer.ServerCount);
    }

    [Fact]
    public void ResponsesCarryOneToTagAndStampReceivedAndRport()
    {
        using var h = new TransactionHarness();
        // The Via names a port nobody listens on: with rport the response must follow the real source.
        h.PeerSends(h.RequestFromPeer("OPTIONS", "z9hG4bK-rp", via: ";rport").Replace($"127.0.0.1:{h.PeerEndPoint.Port};", "10.9.9.9:5999;"));
        var transaction = Take(h.Requests);
        transaction.Respond(180);
        transaction.Respond(200);
        var ringing = h.PeerReceives();
        var ok = h.PeerReceives();
        Assert.Equal(ringing.ToTag.ToArray(), ok.ToTag.ToArray());
        Assert.False(ok.ToTag.IsEmpty);
        Assert.True(ok.TryGetTopVia(out var via));
        Assert.Equal(h.PeerEndPoint.Port, via.Rport);
        Assert.Equal("127.0.0.1", SipText.Decode(via.Received.Span));
    }

    [Fact]
    public void SecondFinalResponseIsAnInvalidStateError()
    {
        using var h = new TransactionHarness();
        h.PeerSends(h.RequestFromPeer("MESSAGE", "z9hG4bK-twice"));
        var transaction = Take(h.Requests);
        transaction.Respond(200);
        Assert.Equal(ErrorCode.InvalidState, Assert.Throws<VoipException>(() => transaction.Respond(500)).Code);
    }

    [Fact]
    public void InviteGets100AtOnceAndItsFailureIsRetransmittedUntilTheAck()
    {
        using var h = new TransactionHarness();
        string invite = h.RequestFromPeer("INVITE", "z9hG4bK-si");
        h.PeerSends(invite);
        Assert.Equal(100, h.PeerReceives().StatusCode);
        var transaction = Take(h.Requests);
        transaction.Respond(486);
        var busy = h.PeerReceives();
        Assert.Equal(486, busy.StatusCode);
        h.Time.Advance(T1);
        Assert.Equal(486, h.PeerReceives().StatusCode);
        h.Time.Advance(T1 * 2);
        Assert.Equal(486, h.PeerReceives().StatusCode);

        h.PeerSends(h.RequestFromPeer("ACK", "z9hG4bK-si").Replace("To: <sip:us@127.0.0.1>", $"To: <sip:us@127.0.0.1>;tag={transaction.LocalTag}"));
        Assert.True(SpinWait.SpinUntil(() => transaction.State == TransactionState.Confirmed, 5000));
        h.Time.Advance(T1 * 8);
        Assert.True(h.PeerReceivesNothing());
        Assert.Empty(h.Acks);
        h.Time.Advance(SipTimers.Default.T4);
        Assert.Equal(TransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void InviteFailureWithoutAckEndsOnTimerH()
    {
        using var h = new TransactionHarness();
        h.PeerSends(h.RequestFromPeer("INVITE", "z9hG4bK-h"));
        h.PeerReceives();
        var transaction = Take(h.Requests);
        var owner = new AckTimeoutRecorder();
        transaction.Owner = owner;
        transaction.Respond(603);
        h.Time.Advance(SipTimers.Default.TransactionTimeout);
        Assert.Equal(1, owner.Count);
        Assert.Equal(TransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Invite2xxAbsorbsRetransmittedInvitesAndItsAckGoesToTheUser()
    {
        using var h = new TransactionHarness();
        string invite = h.RequestFromPeer("INVITE", "z9hG4bK-acc");
        h.PeerSends(invite);
        h.PeerReceives();
        var transaction = Take(h.Requests);
        transaction.Respond(200);
        Assert.Equal(200, h.PeerReceives().StatusCode);
        Assert.Equal(TransactionState.Accepted, transaction.State);
        h.PeerSends(invite);
        Assert.True(h.PeerReceivesNothing(), "in Accepted the TU, not the transaction, retransmits the 2xx");
        h.PeerSends(h.RequestFromPeer("ACK", "z9hG4bK-ack2xx"));
        Assert.Equal(SipMethod.Ack, Take(h.Acks).Method);
    }

    [Fact]
    public void CancelIsAnswered200AndTheUserTold()
    {
        using var h = new TransactionHarness();
        h.PeerSends(h.RequestFromPeer("INVITE", "z9hG4bK-c"));
        h.PeerReceives();
        var invite = Take(h.Requests);
        h.PeerSends(h.RequestFromPeer("CANCEL", "z9hG4bK-c"));
        var cancelOk = h.PeerReceives();
        Assert.Equal(200, cancelOk.StatusCode);
        Assert.True(cancelOk.TryGetCSeq(out var cseq));
        Assert.Equal(SipMethod.Cancel, cseq.Method);
        Assert.Same(invite, Take(h.Cancels));
        invite.Respond(487);
        Assert.Equal(487, h.PeerReceives().StatusCode);
    }

    [Fact]
    public void CancelForNothingIs481()
    {
        using var h = new TransactionHarness();
        h.PeerSends(h.RequestFromPeer("CANCEL", "z9hG4bK-none"));
        Assert.Equal(481, h.PeerReceives().StatusCode);
    }

    [Fact]
    public void MergedRequestIs482()
    {
        using var h = new TransactionHarness();
        h.PeerSends(h.RequestFromPeer("INVITE", "z9hG4bK-path1"));
        h.PeerReceives();
        Take(h.Requests);
        h.PeerSends(h.RequestFromPeer("INVITE", "z9hG4bK-path2"));
        Assert.Equal(482, h.PeerReceives().StatusCode);
        Assert.False(h.Requests.TryTake(out _, 100));
    }

    [Fact]
    public void UnsupportedRequireIs420WithUnsupported()
    {
        using var h = new TransactionHarness(new HashSet<string> { "replaces" });
        h.PeerSends(h.RequestFromPeer("OPTIONS", "z9hG4bK-req", extraHeaders: "Require: replaces, foo-ext\r\n"));
        var response = h.PeerReceives();
        Assert.Equal(420, response.StatusCode);
        Assert.True(response.TryGetFirst(HeaderId.Unsupported, out var unsupported));
        Assert.Equal("foo-ext", SipText.Decode(unsupported.Span));
    }

    [Fact]
    public void MalformedRequestGets400NamingTheProblemAndGarbageIsCounted()
    {
        using var h = new TransactionHarness();
        h.PeerSends(h.RequestFromPeer("OPTIONS", "z9hG4bK-bad").Replace("CSeq: 1 OPTIONS", "CSeq: x OPTIONS"));
        var response = h.PeerReceives();
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("CSeq", response.GetReasonPhrase());

        h.Peer.Send(new byte[] { 0x55, 0x66, 0x00, 0xff, 0x10 }, h.Local.EndPoint);
        h.PeerSends("NOT SIP AT ALL\r\n\r\n");
        Assert.True(SpinWait.SpinUntil(() => h.Layer.Statistics.MalformedDropped == 2, 5000));

        // The engine still answers afterwards.
        h.PeerSends(h.RequestFromPeer("OPTIONS", "z9hG4bK-good"));
        Take(h.Requests).Respond(200);
        Assert.Equal(200, h.PeerReceives().StatusCode);
    }

    [Fact]
    public void OversizedRequestGets513()
    {
        using var h = new TransactionHarness();
        string big = h.RequestFromPeer("MESSAGE", "z9hG4bK-big", extraHeaders: "Content-Type: text/plain\r\n")
            .Replace("Content-Length: 0\r\n\r\n", $"Content-Length: 70000\r\n\r\n{new string('x', 70000)}");
        // Loopback UDP carries up to 64 KiB; send the header part with a body declared too large instead.
        h.Peer.Send(Encoding.UTF8.GetBytes(big)[..65000], h.Local.EndPoint);
        var response = h.PeerReceives();
        Assert.Equal(513, response.StatusCode);
    }

    private sealed class AckTimeoutRecorder : IServerTransactionOwner
    {
        public int Count;
        public void OnAckTimeout(ServerTransaction transaction) => Interlocked.Increment(ref Count);
    }
}
