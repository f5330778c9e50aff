using VoipCore.Tests.Transactions;
using VoipCore.Transactions;
using VoipCore.UserAgent;
using static VoipCore.Tests.Transactions.TransactionHarness;

namespace VoipCore.Tests.UserAgent;

public class SuccessRetransmitterTests
{
    private static readonly TimeSpan T1 = SipTimers.Default.T1;

    private static (TransactionHarness, InviteServerTransaction) AnsweredInvite(string branch)
    {
        var h = new TransactionHarness();
        h.PeerSends(h.RequestFromPeer("INVITE", branch));
        Assert.Equal(100, h.PeerReceives().StatusCode);
        var invite = (InviteServerTransaction)Take(h.Requests);
        invite.Respond(200);
        Assert.Equal(200, h.PeerReceives().StatusCode);
        return (h, invite);
    }

    [Fact]
    public void The2xxIsResentWithGrowingIntervalsUntilTheAck()
    {
        var (h, invite) = AnsweredInvite("z9hG4bK-r1");
        using (h)
        {
            var retransmitter = new SuccessRetransmitter(h.Layer);
            retransmitter.Track(invite);
            h.Time.Advance(T1);
            Assert.Equal(200, h.PeerReceives().StatusCode);
            h.Time.Advance(T1 * 2 - TimeSpan.FromMilliseconds(1));
            Assert.True(h.PeerReceivesNothing(50));
            h.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(200, h.PeerReceives().StatusCode);

            h.PeerSends(h.RequestFromPeer("ACK", "z9hG4bK-ack-r1"));
            Assert.True(retransmitter.OnAck(Take(h.Acks)));
            h.Time.Advance(T1 * 8);
            Assert.True(h.PeerReceivesNothing());
            Assert.Equal(0, retransmitter.Count);
        }
    }

    [Fact]
    public void WithoutAnAckItGivesUpAfter64T1AndSaysSo()
    {
        var (h, invite) = AnsweredInvite("z9hG4bK-r2");
        using (h)
        {
            var retransmitter = new SuccessRetransmitter(h.Layer);
            int timeouts = 0;
            retransmitter.Track(invite, () => timeouts++);
            for (int i = 0; i < 70; i++)
            {
                h.Time.Advance(T1);
            }
            Assert.Equal(1, timeouts);
            Assert.Equal(0, retransmitter.Count);
        }
    }
}
