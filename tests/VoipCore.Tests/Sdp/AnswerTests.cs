using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class AnswerTests
{
    private static readonly LocalMediaEndpoint Local = new("192.0.2.10", 40000);

    private static string Offer(string mediaSection, string session = "c=IN IP4 198.51.100.7\n") =>
        "v=0\no=peer 1 1 IN IP4 198.51.100.7\ns=-\n" + session + "t=0 0\n" + mediaSection;

    private static AnswerResult Answer(string offer, MediaCapabilities? capabilities = null) =>
        OfferAnswer.CreateAnswer(SdpParser.Parse(offer), capabilities ?? MediaCapabilities.Default, Local);

    [Fact]
    public void Our_preference_picks_the_codec_and_the_offerers_number_is_kept()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 8 0 111 101\na=rtpmap:111 OPUS/48000/2\na=fmtp:111 maxplaybackrate=16000;stereo=0\na=rtpmap:101 telephone-event/48000\n"));

        var media = result.Negotiation.Audio!;
        Assert.Equal(NegotiationStatus.Accepted, result.Negotiation.Status);
        Assert.Equal((111, "OPUS", 48000, 2), (media.PayloadType, media.EncodingName, media.ClockRate, media.Channels));
        Assert.Equal(16000, media.FormatParameters.GetInt("maxplaybackrate"));
        Assert.Equal((101, 48000), (media.TelephoneEventPayloadType!.Value, media.TelephoneEventClockRate!.Value));
        var answered = Assert.Single(result.Answer.Media);
        Assert.Equal(["111", "101"], answered.Formats);
        Assert.Equal(new RtpMap(111, "opus", 48000, 2), answered.GetRtpMap(111));
        Assert.Equal("useinbandfec=1", answered.GetFmtp(111)?.Parameters);
    }

    [Fact]
    public void Static_payload_types_without_rtpmap_are_matched()
    {
        var result = Answer(SdpSamples.SippDefault);

        var media = result.Negotiation.Audio!;
        Assert.Equal((0, "PCMU", 8000), (media.PayloadType, media.EncodingName, media.ClockRate));
        Assert.Null(media.TelephoneEventPayloadType);
        Assert.Equal(["0"], result.Answer.Media[0].Formats);
        Assert.Equal(("127.0.0.1", 6000, "127.0.0.1", 6001), (media.RemoteAddress, media.RemoteRtpPort, media.RemoteRtcpAddress, media.RemoteRtcpPort));
    }

    [Fact]
    public void G722_wins_over_g711_and_telephone_event_follows_the_codec_clock()
    {
        var result = Answer(SdpSamples.Linphone, MediaCapabilities.Default with
        {
            Codecs = [CodecCapability.G722, CodecCapability.Pcmu, CodecCapability.TelephoneEvent48000, CodecCapability.TelephoneEvent8000],
        });

        var media = result.Negotiation.Audio!;
        // Linphone offers no G722; PCMU is next. Of its three telephone-events the 8000 one matches PCMU.
        Assert.Equal(0, media.PayloadType);
        Assert.Equal(100, media.TelephoneEventPayloadType);
        Assert.Equal(["0", "100"], result.Answer.Media[0].Formats);
    }

    [Fact]
    public void Telephone_event_is_left_out_when_not_offered()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 0 8\n"));

        Assert.Null(result.Negotiation.Audio!.TelephoneEventPayloadType);
        Assert.DoesNotContain(result.Answer.Media[0].RtpMaps, m => m.EncodingName == "telephone-event");
    }

    [Fact]
    public void Telephone_event_at_another_rate_is_used_when_none_matches_the_codec()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 96 101\na=rtpmap:96 opus/48000/2\na=rtpmap:101 telephone-event/8000\n"));

        Assert.Equal((101, 8000), (result.Negotiation.Audio!.TelephoneEventPayloadType!.Value, result.Negotiation.Audio.TelephoneEventClockRate!.Value));
    }

    [Fact]
    public void Telephone_event_at_a_rate_we_lack_is_not_accepted()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 0 99\na=rtpmap:99 telephone-event/16000\n"));

        Assert.Null(result.Negotiation.Audio!.TelephoneEventPayloadType);
    }

    [Fact]
    public void Rtpmap_encoding_names_match_case_insensitively()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 97\na=rtpmap:97 pcma/8000\n"));

        Assert.Equal((97, "pcma"), (result.Negotiation.Audio!.PayloadType, result.Negotiation.Audio.EncodingName));
    }

    [Fact]
    public void No_common_codec_is_a_result_not_an_exception()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 18 3\n"));

        Assert.Equal(NegotiationStatus.NoAcceptableMedia, result.Negotiation.Status);
        Assert.False(result.Negotiation.IsAccepted);
        Assert.Null(result.Negotiation.Audio);
        Assert.Equal(StreamRejectReason.NoCommonCodec, Assert.Single(result.Negotiation.Streams).RejectReason);
        Assert.Contains("NoCommonCodec", result.Negotiation.Detail);
        Assert.Equal(0, result.Answer.Media[0].Port);
    }

    [Fact]
    public void Opus_mono_is_not_our_opus()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 96\na=rtpmap:96 opus/48000\n"));

        Assert.Equal(StreamRejectReason.NoCommonCodec, result.Negotiation.Streams[0].RejectReason);
    }

    [Fact]
    public void Video_is_rejected_while_audio_is_accepted_keeping_order_and_count()
    {
        var result = Answer(Offer("m=video 5006 RTP/AVP 96\na=rtpmap:96 VP8/90000\nm=audio 5004 RTP/AVP 0\nm=application 5008 UDP/BFCP *\n"));

        var answer = result.Answer;
        Assert.Equal(["video", "audio", "application"], answer.Media.Select(m => m.Media));
        Assert.Equal([0, 40000, 0], answer.Media.Select(m => m.Port));
        Assert.Equal(["96"], answer.Media[0].Formats);
        Assert.Equal(["*"], answer.Media[2].Formats);
        Assert.Equal([StreamRejectReason.UnsupportedMedia, null, StreamRejectReason.UnsupportedMedia],
            result.Negotiation.Streams.Select(s => s.RejectReason));
        Assert.True(result.Negotiation.Streams[1].IsAccepted);
    }

    [Fact]
    public void Port_zero_in_the_offer_stays_port_zero()
    {
        var result = Answer(Offer("m=audio 0 RTP/AVP 0\nm=audio 5004 RTP/AVP 0\n"));

        Assert.Equal([0, 40000], result.Answer.Media.Select(m => m.Port));
        Assert.Equal(StreamRejectReason.DisabledByPeer, result.Negotiation.Streams[0].RejectReason);
        Assert.Equal(1, result.Negotiation.Streams.Count(s => s.IsAccepted));
    }

    [Fact]
    public void Only_the_first_servable_audio_stream_is_accepted()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 18\nm=audio 5002 RTP/AVP 0\nm=audio 5004 RTP/AVP 8\n"));

        Assert.Equal([StreamRejectReason.NoCommonCodec, null, StreamRejectReason.ExtraAudioStream],
            result.Negotiation.Streams.Select(s => s.RejectReason));
        Assert.Equal(5002, result.Negotiation.Audio!.RemoteRtpPort);
    }

    [Fact]
    public void Unknown_protocol_is_rejected()
    {
        var result = Answer(Offer("m=audio 5004 RTP/SAVP 0\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\n"));

        Assert.Equal(StreamRejectReason.UnsupportedProtocol, result.Negotiation.Streams[0].RejectReason);
        Assert.Equal(NegotiationStatus.NoAcceptableMedia, result.Negotiation.Status);
    }

    [Fact]
    public void Missing_connection_address_is_rejected()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 0\n", session: ""));

        Assert.Equal(StreamRejectReason.NoConnectionAddress, result.Negotiation.Streams[0].RejectReason);
    }

    [Fact]
    public void Chrome_offer_with_savpf_allowed_accepts_opus_and_rejects_video_keeping_mids()
    {
        var capabilities = MediaCapabilities.Default with { Protocols = ["UDP/TLS/RTP/SAVPF"] };

        var result = Answer(SdpSamples.ChromeWebRtc, capabilities);

        var media = result.Negotiation.Audio!;
        Assert.Equal((111, 110), (media.PayloadType, media.TelephoneEventPayloadType!.Value));
        Assert.True(media.RtcpMux);
        Assert.Equal((9, 9), (media.RemoteRtpPort, media.RemoteRtcpPort));
        // With ICE, c=0.0.0.0 is a placeholder, not a hold.
        Assert.Equal(MediaDirection.SendRecv, media.Direction);
        Assert.Equal("0", media.Mid);
        Assert.Equal(["0", "1"], result.Answer.Media.Select(m => m.Mid));
        Assert.Equal("UDP/TLS/RTP/SAVPF", result.Answer.Media[0].Protocol);
        Assert.Equal(0, result.Answer.Media[1].Port);
    }

    [Fact]
    public void Rtcp_mux_is_accepted_only_when_offered_and_supported()
    {
        var offered = Offer("m=audio 5004 RTP/AVP 0\na=rtcp-mux\n");

        var accepted = Answer(offered);
        var declined = Answer(offered, MediaCapabilities.Default with { RtcpMux = false });
        var notOffered = Answer(Offer("m=audio 5004 RTP/AVP 0\n"));

        Assert.True(accepted.Negotiation.Audio!.RtcpMux);
        Assert.True(accepted.Answer.Media[0].RtcpMux);
        Assert.Equal(5004, accepted.Negotiation.Audio.RemoteRtcpPort);
        Assert.False(declined.Negotiation.Audio!.RtcpMux);
        Assert.False(declined.Answer.Media[0].RtcpMux);
        Assert.Equal(5005, declined.Negotiation.Audio.RemoteRtcpPort);
        Assert.False(notOffered.Answer.Media[0].RtcpMux);
    }

    [Fact]
    public void Rtcp_attribute_gives_the_remote_rtcp_address()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 0\na=rtcp:6000 IN IP4 198.51.100.99\nm=audio 0 RTP/AVP 0\n"));
        var portOnly = Answer(Offer("m=audio 5004 RTP/AVP 0\na=rtcp:6000\n"));

        Assert.Equal(("198.51.100.99", 6000), (result.Negotiation.Audio!.RemoteRtcpAddress, result.Negotiation.Audio.RemoteRtcpPort));
        Assert.Equal(("198.51.100.7", 6000), (portOnly.Negotiation.Audio!.RemoteRtcpAddress, portOnly.Negotiation.Audio.RemoteRtcpPort));
    }

    [Fact]
    public void Remote_ptime_and_our_ptime()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 0\na=ptime:30\n"));

        Assert.Equal(30, result.Negotiation.Audio!.RemotePtime);
        Assert.Equal(20, result.Answer.Media[0].Ptime);
    }

    [Theory]
    [InlineData("sendrecv", MediaDirection.SendRecv, MediaDirection.SendRecv)]
    [InlineData("sendonly", MediaDirection.SendRecv, MediaDirection.RecvOnly)]
    [InlineData("recvonly", MediaDirection.SendRecv, MediaDirection.SendOnly)]
    [InlineData("inactive", MediaDirection.SendRecv, MediaDirection.Inactive)]
    [InlineData("sendrecv", MediaDirection.SendOnly, MediaDirection.SendOnly)]
    [InlineData("sendrecv", MediaDirection.RecvOnly, MediaDirection.RecvOnly)]
    [InlineData("sendonly", MediaDirection.SendOnly, MediaDirection.Inactive)]
    [InlineData("recvonly", MediaDirection.Inactive, MediaDirection.Inactive)]
    public void Answer_direction_follows_rfc3264_section_6_1(string offered, MediaDirection ourWish, MediaDirection expected)
    {
        var result = Answer(Offer($"m=audio 5004 RTP/AVP 0\na={offered}\n"), MediaCapabilities.Default with { Direction = ourWish });

        Assert.Equal(expected, result.Answer.Media[0].Attributes.Direction);
        Assert.Equal(expected, result.Negotiation.Audio!.Direction);
    }

    [Fact]
    public void Session_level_direction_in_the_offer_applies()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 0\n", session: "c=IN IP4 198.51.100.7\na=sendonly\n"));

        Assert.Equal(MediaDirection.RecvOnly, result.Negotiation.Audio!.Direction);
    }

    [Fact]
    public void Rfc2543_hold_address_means_the_offerer_receives_nothing()
    {
        var result = Answer(Offer("m=audio 5004 RTP/AVP 0\n", session: "c=IN IP4 0.0.0.0\n"));

        Assert.Equal(MediaDirection.RecvOnly, result.Negotiation.Audio!.Direction);
    }

    [Fact]
    public void Answer_has_its_own_origin_and_connection()
    {
        var result = Answer(SdpSamples.Baresip);
        var text = SdpSerializer.Serialize(result.Answer);

        Assert.Equal("-", result.Answer.Origin.Username);
        Assert.Equal("192.0.2.10", result.Answer.Origin.Address);
        Assert.Contains("\r\nc=IN IP4 192.0.2.10\r\n", text);
        Assert.Contains("\r\nm=audio 40000 RTP/AVP 96 101\r\n", text);
        Assert.Equal(text, SdpSerializer.Serialize(SdpParser.Parse(text)));
    }

    [Fact]
    public void Offer_without_media_is_not_acceptable()
    {
        var result = Answer(Offer(""));

        Assert.Equal(NegotiationStatus.NoAcceptableMedia, result.Negotiation.Status);
        Assert.Equal("no m= lines", result.Negotiation.Detail);
    }
}
