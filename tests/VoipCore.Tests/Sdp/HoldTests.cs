using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class HoldTests
{
    private static readonly LocalMediaEndpoint Local = new("192.0.2.10", 40000);

    [Fact]
    public void Hold_re_offer_is_sendonly_with_the_next_version()
    {
        var offer = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local);

        var hold = OfferAnswer.CreateReOffer(offer, MediaDirection.SendOnly);

        Assert.Equal(offer.Origin.WithNextVersion(), hold.Origin);
        Assert.Equal(MediaDirection.SendOnly, hold.DirectionOf(hold.Media[0]));
        Assert.Equal(offer.Media[0].Formats, hold.Media[0].Formats);
        Assert.Equal(MediaDirection.SendRecv, offer.DirectionOf(offer.Media[0]));
    }

    [Fact]
    public void Inactive_re_offer_then_resume_keeps_incrementing()
    {
        var offer = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local);

        var inactive = OfferAnswer.CreateReOffer(offer, MediaDirection.Inactive);
        var resumed = OfferAnswer.CreateReOffer(inactive, MediaDirection.SendRecv);
        var unchanged = OfferAnswer.CreateReOffer(resumed, MediaDirection.SendRecv);

        Assert.Equal(MediaDirection.Inactive, inactive.Media[0].Attributes.Direction);
        Assert.Equal(MediaDirection.SendRecv, resumed.Media[0].Attributes.Direction);
        Assert.Equal(offer.Origin.SessionVersion + 2, resumed.Origin.SessionVersion);
        Assert.Equal(resumed.Origin, unchanged.Origin);
    }

    [Fact]
    public void Re_offer_from_a_remote_style_description_moves_direction_to_media_level()
    {
        var previous = SdpParser.Parse("v=0\no=- 5 5 IN IP4 h\ns=-\nc=IN IP4 h\nt=0 0\na=sendrecv\nm=audio 4000 RTP/AVP 0\nm=video 0 RTP/AVP 96\n");

        var hold = OfferAnswer.CreateReOffer(previous, MediaDirection.SendOnly);

        Assert.Null(hold.Attributes.Direction);
        Assert.Equal(MediaDirection.SendOnly, hold.Media[0].Attributes.Direction);
        Assert.Null(hold.Media[1].Attributes.Direction);
        Assert.Equal(6UL, hold.Origin.SessionVersion);
    }

    [Theory]
    [InlineData(MediaDirection.SendOnly, MediaDirection.RecvOnly)]
    [InlineData(MediaDirection.Inactive, MediaDirection.Inactive)]
    [InlineData(MediaDirection.SendRecv, MediaDirection.SendRecv)]
    public void Answer_to_a_remote_hold_and_resume(MediaDirection remote, MediaDirection expected)
    {
        var capabilities = MediaCapabilities.Default;
        var remoteOffer = OfferAnswer.CreateOffer(capabilities, new LocalMediaEndpoint("198.51.100.7", 5004));
        var firstAnswer = OfferAnswer.CreateAnswer(remoteOffer, capabilities, Local).Answer;
        var remoteReOffer = OfferAnswer.CreateReOffer(remoteOffer, remote);

        var reAnswer = OfferAnswer.CreateAnswer(remoteReOffer, capabilities, Local, previousLocal: firstAnswer);

        Assert.Equal(expected, reAnswer.Negotiation.Audio!.Direction);
        Assert.Equal(expected, reAnswer.Answer.Media[0].Attributes.Direction);
        Assert.Equal(firstAnswer.Origin.SessionId, reAnswer.Answer.Origin.SessionId);
        var expectedVersion = expected == MediaDirection.SendRecv ? firstAnswer.Origin.SessionVersion : firstAnswer.Origin.SessionVersion + 1;
        Assert.Equal(expectedVersion, reAnswer.Answer.Origin.SessionVersion);
    }

    [Fact]
    public void Our_hold_answered_recvonly_leaves_us_sending_only()
    {
        var offer = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local);
        var hold = OfferAnswer.CreateReOffer(offer, MediaDirection.SendOnly);
        var answer = OfferAnswer.CreateAnswer(hold, MediaCapabilities.Default, new LocalMediaEndpoint("198.51.100.7", 5004)).Answer;

        var result = OfferAnswer.ProcessAnswer(hold, answer);

        Assert.Equal(MediaDirection.RecvOnly, answer.Media[0].Attributes.Direction);
        Assert.Equal(MediaDirection.SendOnly, result.Audio!.Direction);
    }
}
