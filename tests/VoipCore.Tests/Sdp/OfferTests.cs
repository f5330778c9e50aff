using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class OfferTests
{
    private static readonly LocalMediaEndpoint Local = new("192.0.2.10", 40000);

    [Fact]
    public void Default_offer_lists_codecs_in_preference_order_with_static_and_dynamic_types()
    {
        var offer = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local);
        var audio = Assert.Single(offer.Media);

        Assert.Equal(("audio", 40000, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal(["96", "9", "0", "8", "97", "98"], audio.Formats);
        Assert.Equal(new RtpMap(96, "opus", 48000, 2), audio.GetRtpMap(96));
        Assert.Equal(new RtpMap(9, "G722", 8000), audio.GetRtpMap(9));
        Assert.Equal(new RtpMap(97, "telephone-event", 48000), audio.GetRtpMap(97));
        Assert.Equal(new RtpMap(98, "telephone-event", 8000), audio.GetRtpMap(98));
        Assert.Equal("useinbandfec=1", audio.GetFmtp(96)?.Parameters);
        Assert.Equal("0-16", audio.GetFmtp(98)?.Parameters);
        Assert.Equal(20, audio.Ptime);
        Assert.True(audio.RtcpMux);
        Assert.Equal(MediaDirection.SendRecv, audio.Attributes.Direction);
    }

    [Fact]
    public void Offer_has_session_lines_and_parses_back_to_itself()
    {
        var offer = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local);
        var text = SdpSerializer.Serialize(offer);

        Assert.StartsWith("v=0\r\no=- ", text);
        Assert.Contains("\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 40000 RTP/AVP 96 9 0 8 97 98\r\n", text);
        Assert.Equal(new ConnectionData("IN", "IP4", "192.0.2.10"), offer.Connection);
        Assert.Equal(text, SdpSerializer.Serialize(SdpParser.Parse(text)));
    }

    [Fact]
    public void Ipv6_endpoint_gives_ip6_lines()
    {
        var offer = OfferAnswer.CreateOffer(MediaCapabilities.Default, new LocalMediaEndpoint("2001:db8::5", 40000));

        Assert.Equal("IP6", offer.Connection?.AddressType);
        Assert.Equal("IP6", offer.Origin.AddressType);
    }

    [Fact]
    public void Custom_capabilities_shape_the_offer()
    {
        var capabilities = new MediaCapabilities
        {
            Codecs = [CodecCapability.Pcma, CodecCapability.TelephoneEvent8000],
            Ptime = 30,
            MaxPtime = 60,
            RtcpMux = false,
            Direction = MediaDirection.RecvOnly,
            Protocols = ["RTP/SAVP", "RTP/AVP"],
        };

        var audio = OfferAnswer.CreateOffer(capabilities, Local).Media[0];

        Assert.Equal("RTP/SAVP", audio.Protocol);
        Assert.Equal(["8", "96"], audio.Formats);
        Assert.Equal((30, 60), (audio.Ptime, audio.MaxPtime));
        Assert.False(audio.RtcpMux);
        Assert.Equal(MediaDirection.RecvOnly, audio.Attributes.Direction);
    }

    [Fact]
    public void Offer_without_an_audio_codec_is_a_programming_error()
    {
        var capabilities = new MediaCapabilities { Codecs = [CodecCapability.TelephoneEvent8000] };

        Assert.Throws<ArgumentException>(() => OfferAnswer.CreateOffer(capabilities, Local));
    }

    [Fact]
    public void Re_offer_with_same_capabilities_keeps_origin_and_payload_types()
    {
        var first = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local);
        var second = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local, previousLocal: first);
        var changed = OfferAnswer.CreateOffer(MediaCapabilities.Default, Local with { RtpPort = 40002 }, previousLocal: first);

        Assert.Equal(first.Origin, second.Origin);
        Assert.Equal(first.Media[0].Formats, second.Media[0].Formats);
        Assert.Equal(first.Origin.SessionId, changed.Origin.SessionId);
        Assert.Equal(first.Origin.SessionVersion + 1, changed.Origin.SessionVersion);
    }
}
