using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class SdpAttributeViewTests
{
    [Fact]
    public void Chrome_offer_exposes_webrtc_attributes()
    {
        var sdp = SdpParser.Parse(SdpSamples.ChromeWebRtc);
        var audio = sdp.Media[0];

        var bundle = Assert.Single(sdp.Groups);
        Assert.Equal(GroupAttribute.Bundle, bundle.Semantics);
        Assert.Equal(["0", "1"], bundle.MediaIds);
        Assert.Equal("0", audio.Mid);
        Assert.Equal("Oyef", audio.Attributes.IceUfrag);
        Assert.Equal("7Wb9XPzdMr+bP+QqxUWMQgsn", audio.Attributes.IcePwd);
        Assert.Equal(SetupRole.ActPass, audio.Attributes.Setup);
        var fingerprint = Assert.Single(audio.Attributes.Fingerprints);
        Assert.Equal("sha-256", fingerprint.HashFunction);
        Assert.StartsWith("49:66:12", fingerprint.Fingerprint);
        Assert.True(audio.RtcpMux);
        Assert.Equal(new RtcpAttribute(9, "IN", "IP4", "0.0.0.0"), audio.Rtcp);
        Assert.Equal(
            [new SsrcAttribute(3570614608, "cname", "4TOk42mSjXCkVIa6"), new SsrcAttribute(3570614608, "msid", "stream1 track1")],
            audio.Ssrcs);
    }

    [Fact]
    public void Ice_candidates_are_split_into_fields()
    {
        var audio = SdpParser.Parse(SdpSamples.ChromeWebRtc).Media[0];

        var candidates = audio.Candidates.ToList();
        Assert.Equal(2, candidates.Count);
        var host = candidates[0];
        Assert.Equal(("1467250027", 1, "udp", 2122260223L, "192.168.0.196", 46243, "host"),
            (host.Foundation, host.Component, host.Transport, host.Priority, host.Address, host.Port, host.CandidateType));
        Assert.Null(host.RelatedAddress);
        var srflx = candidates[1];
        Assert.Equal("srflx", srflx.CandidateType);
        Assert.Equal("192.168.0.196", srflx.RelatedAddress);
        Assert.Equal(46243, srflx.RelatedPort);
        Assert.Equal(
            "435653019 1 udp 1686052607 203.0.113.7 46243 typ srflx raddr 192.168.0.196 rport 46243 generation 0 network-id 1",
            srflx.ToString());
    }

    [Fact]
    public void Rtpmap_reads_name_rate_and_channels()
    {
        var audio = SdpParser.Parse(SdpSamples.ChromeWebRtc).Media[0];

        Assert.Equal(new RtpMap(111, "opus", 48000, 2), audio.GetRtpMap(111));
        Assert.Equal(new RtpMap(126, "telephone-event", 8000), audio.GetRtpMap(126));
        Assert.Equal(1, audio.GetRtpMap(126)!.ChannelCount);
        Assert.Equal("111 opus/48000/2", audio.GetRtpMap(111)!.ToString());
    }

    [Theory]
    [InlineData("96 opus/48000/2", true)]
    [InlineData("0 PCMU/8000", true)]
    [InlineData("96 opus", false)]
    [InlineData("96 opus/0", false)]
    [InlineData("96 opus/48000/0", false)]
    [InlineData("128 opus/48000", false)]
    [InlineData("96 /48000", false)]
    [InlineData("96 a/1/2/3", false)]
    [InlineData("", false)]
    public void Rtpmap_validation(string value, bool valid) =>
        Assert.Equal(valid, RtpMap.TryParse(value, out _));

    [Fact]
    public void Opus_fmtp_parameters_are_readable()
    {
        var fmtp = SdpParser.Parse(SdpSamples.ChromeWebRtc).Media[0].GetFmtp(111)!;

        Assert.Equal("minptime=10;useinbandfec=1", fmtp.Parameters);
        Assert.Equal(1, fmtp.ParameterList.GetInt("useinbandfec"));
        Assert.Equal(10, fmtp.ParameterList.GetInt("MINPTIME"));
        Assert.Null(fmtp.ParameterList.Get("stereo"));
    }

    [Fact]
    public void Fmtp_parameter_list_handles_spaces_bare_values_and_empty_entries()
    {
        var list = FmtpParameters.Parse(" maxplaybackrate=16000; stereo = 1;;0-15,66 ;sprop-stereo=");

        Assert.Equal(16000, list.GetInt("maxplaybackrate"));
        Assert.Equal(1, list.GetInt("stereo"));
        Assert.Equal("", list.Get("sprop-stereo"));
        Assert.Null(list.GetInt("sprop-stereo"));
        Assert.Equal(["0-15,66"], list.UnnamedValues);
        Assert.Equal("maxplaybackrate=16000;stereo=1;0-15,66;sprop-stereo=", list.ToString());
    }

    [Fact]
    public void Telephone_event_range_is_an_unnamed_value()
    {
        var fmtp = SdpParser.Parse(SdpSamples.Baresip).Media[0].GetFmtp(101)!;

        Assert.Equal(["0-15"], fmtp.ParameterList.UnnamedValues);
    }

    [Theory]
    [InlineData("53020", 53020, null)]
    [InlineData("53020 IN IP6 2001:db8::1", 53020, "2001:db8::1")]
    public void Rtcp_attribute_reads_port_and_optional_address(string value, int port, string? address)
    {
        Assert.True(RtcpAttribute.TryParse(value, out var rtcp));
        Assert.Equal(port, rtcp.Port);
        Assert.Equal(address, rtcp.Address);
        Assert.Equal(value, rtcp.ToString());
    }

    [Theory]
    [InlineData("53020 IN IP4")]
    [InlineData("99999")]
    [InlineData("")]
    public void Rtcp_attribute_rejects_partial_values(string value) =>
        Assert.False(RtcpAttribute.TryParse(value, out _));

    [Fact]
    public void Crypto_attribute_is_split_into_fields()
    {
        Assert.True(CryptoAttribute.TryParse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32 UNENCRYPTED_SRTCP", out var crypto));

        Assert.Equal(1, crypto.Tag);
        Assert.Equal("AES_CM_128_HMAC_SHA1_80", crypto.Suite);
        Assert.StartsWith("inline:PS1u", crypto.KeyParams);
        Assert.Equal("UNENCRYPTED_SRTCP", crypto.SessionParams);
    }

    [Fact]
    public void Maxptime_and_ptime()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=audio 1 RTP/AVP 0\na=ptime:20\na=maxptime:120\n");

        Assert.Equal(20, sdp.Media[0].Ptime);
        Assert.Equal(120, sdp.Media[0].MaxPtime);
    }

    [Fact]
    public void Setting_direction_replaces_in_place()
    {
        var attributes = new SdpAttributeList();
        attributes.Add("rtpmap", "0 PCMU/8000");
        attributes.Add("sendrecv");
        attributes.Add("ptime", "20");

        attributes.Direction = MediaDirection.SendOnly;

        Assert.Equal(["rtpmap", "sendonly", "ptime"], attributes.Select(a => a.Name));
        attributes.Direction = null;
        Assert.Equal(["rtpmap", "ptime"], attributes.Select(a => a.Name));
    }

    [Theory]
    [InlineData(MediaDirection.SendRecv, MediaDirection.SendRecv)]
    [InlineData(MediaDirection.SendOnly, MediaDirection.RecvOnly)]
    [InlineData(MediaDirection.RecvOnly, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.Inactive, MediaDirection.Inactive)]
    public void Direction_reverse(MediaDirection direction, MediaDirection reversed) =>
        Assert.Equal(reversed, direction.Reverse());
}
