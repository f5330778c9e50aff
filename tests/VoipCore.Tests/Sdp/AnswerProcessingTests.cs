using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class AnswerProcessingTests
{
    private static readonly LocalMediaEndpoint Local = new("192.0.2.10", 40000);

    private static SessionDescription OurOffer() => OfferAnswer.CreateOffer(MediaCapabilities.Default, Local);

    private static SessionDescription RemoteAnswer(string mediaSections) =>
        SdpParser.Parse("v=0\no=peer 7 7 IN IP4 198.51.100.7\ns=-\nc=IN IP4 198.51.100.7\nt=0 0\n" + mediaSections);

    [Fact]
    public void First_answered_codec_that_we_offered_is_chosen()
    {
        var result = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer(
            "m=audio 5004 RTP/AVP 18 8 0 98\na=rtpmap:98 telephone-event/8000\na=ptime:40\na=rtcp-mux\n"));

        var media = result.Audio!;
        Assert.Equal(NegotiationStatus.Accepted, result.Status);
        Assert.Equal((8, "PCMA", 8000, 1), (media.PayloadType, media.EncodingName, media.ClockRate, media.Channels));
        Assert.Equal(98, media.TelephoneEventPayloadType);
        Assert.Equal(("198.51.100.7", 5004), (media.RemoteAddress, media.RemoteRtpPort));
        Assert.True(media.RtcpMux);
        Assert.Equal(40, media.RemotePtime);
        Assert.Equal(MediaDirection.SendRecv, media.Direction);
    }

    [Fact]
    public void Telephone_event_we_did_not_offer_is_ignored()
    {
        var result = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer(
            "m=audio 5004 RTP/AVP 0 101\na=rtpmap:101 telephone-event/16000\n"));

        Assert.Null(result.Audio!.TelephoneEventPayloadType);
    }

    [Fact]
    public void Renumbered_answer_is_matched_by_codec_and_its_number_used_for_sending()
    {
        var result = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer(
            "m=audio 5004 RTP/AVP 120\na=rtpmap:120 opus/48000/2\na=fmtp:120 stereo=1\n"));

        Assert.Equal((120, "opus"), (result.Audio!.PayloadType, result.Audio.EncodingName));
        Assert.Equal(1, result.Audio.FormatParameters.GetInt("stereo"));
    }

    [Fact]
    public void Answer_with_nothing_we_offered_is_no_common_codec()
    {
        var result = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer("m=audio 5004 RTP/AVP 18\n"));

        Assert.Equal(NegotiationStatus.NoAcceptableMedia, result.Status);
        Assert.Equal(StreamRejectReason.NoCommonCodec, result.Streams[0].RejectReason);
    }

    [Fact]
    public void Rejected_stream_is_detected()
    {
        var result = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer("m=audio 0 RTP/AVP 0\n"));

        Assert.Equal(StreamRejectReason.DisabledByPeer, result.Streams[0].RejectReason);
        Assert.Null(result.Audio);
    }

    [Fact]
    public void Answer_with_another_number_of_m_lines_is_invalid()
    {
        var result = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer("m=audio 5004 RTP/AVP 0\nm=video 0 RTP/AVP 96\n"));

        Assert.Equal(NegotiationStatus.InvalidAnswer, result.Status);
        Assert.Contains("2 m= lines", result.Detail);
    }

    [Fact]
    public void Answer_with_another_protocol_or_media_is_refused_per_stream()
    {
        var protocol = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer("m=audio 5004 RTP/SAVP 0\n"));
        var media = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer("m=video 5004 RTP/AVP 0\n"));

        Assert.Equal(StreamRejectReason.UnsupportedProtocol, protocol.Streams[0].RejectReason);
        Assert.Equal(StreamRejectReason.UnsupportedMedia, media.Streams[0].RejectReason);
    }

    [Theory]
    [InlineData("sendrecv", MediaDirection.SendRecv)]
    [InlineData("recvonly", MediaDirection.SendOnly)]
    [InlineData("sendonly", MediaDirection.RecvOnly)]
    [InlineData("inactive", MediaDirection.Inactive)]
    public void Our_direction_is_the_answers_reversed(string answered, MediaDirection ours)
    {
        var result = OfferAnswer.ProcessAnswer(OurOffer(), RemoteAnswer($"m=audio 5004 RTP/AVP 0\na={answered}\n"));

        Assert.Equal(ours, result.Audio!.Direction);
    }

    [Fact]
    public void Rtcp_mux_needs_both_sides()
    {
        var offerWithoutMux = OfferAnswer.CreateOffer(MediaCapabilities.Default with { RtcpMux = false }, Local);

        var result = OfferAnswer.ProcessAnswer(offerWithoutMux, RemoteAnswer("m=audio 5004 RTP/AVP 0\na=rtcp-mux\n"));

        Assert.False(result.Audio!.RtcpMux);
        Assert.Equal(5005, result.Audio.RemoteRtcpPort);
    }

    [Fact]
    public void Two_instances_agree_with_each_other()
    {
        var alice = MediaCapabilities.Default;
        var bob = MediaCapabilities.Default with { Codecs = [CodecCapability.Pcma, CodecCapability.G722, CodecCapability.TelephoneEvent8000] };
        var offer = OfferAnswer.CreateOffer(alice, Local);

        // Across the wire: serialize and parse both ways.
        var answered = OfferAnswer.CreateAnswer(SdpParser.Parse(SdpSerializer.Serialize(offer)), bob, new LocalMediaEndpoint("203.0.113.5", 50000));
        var processed = OfferAnswer.ProcessAnswer(offer, SdpParser.Parse(SdpSerializer.Serialize(answered.Answer)));

        var bobSide = answered.Negotiation.Audio!;
        var aliceSide = processed.Audio!;
        Assert.Equal(("PCMA", 8), (bobSide.EncodingName, bobSide.PayloadType));
        Assert.Equal(("PCMA", 8), (aliceSide.EncodingName, aliceSide.PayloadType));
        Assert.Equal(98, bobSide.TelephoneEventPayloadType);
        Assert.Equal(98, aliceSide.TelephoneEventPayloadType);
        Assert.Equal(("192.0.2.10", 40000), (bobSide.RemoteAddress, bobSide.RemoteRtpPort));
        Assert.Equal(("203.0.113.5", 50000), (aliceSide.RemoteAddress, aliceSide.RemoteRtpPort));
        Assert.True(bobSide.RtcpMux && aliceSide.RtcpMux);
    }
}
