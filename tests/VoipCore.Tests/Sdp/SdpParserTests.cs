using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class SdpParserTests
{
    [Fact]
    public void Session_fields_are_read()
    {
        var sdp = SdpParser.Parse(SdpSamples.AllFields);

        Assert.Equal(new SdpOrigin("jdoe", "2890844526", 2890842807, "IN", "IP4", "10.47.16.5"), sdp.Origin);
        Assert.Equal("SDP Seminar", sdp.SessionName);
        Assert.Equal("A Seminar on the session description protocol", sdp.Information);
        Assert.Equal("http://www.example.com/seminars/sdp.pdf", sdp.Uri);
        Assert.Equal(["j.doe@example.com (Jane Doe)"], sdp.Emails);
        Assert.Equal(["+1 617 555-6011"], sdp.Phones);
        Assert.Equal(new ConnectionData("IN", "IP4", "224.2.17.12", Ttl: 127), sdp.Connection);
        Assert.Equal([new Bandwidth("CT", 1000)], sdp.Bandwidths);
        var time = Assert.Single(sdp.Times);
        Assert.Equal((2873397496UL, 2873404696UL), (time.StartTime, time.StopTime));
        Assert.Equal(["7d 1h 0 25h"], time.RepeatTimes);
        Assert.Equal("2882844526 -1h 2898848070 0", sdp.TimeZones);
        Assert.Equal("prompt", sdp.EncryptionKey);
        Assert.Equal([new SdpLine('y', "an unknown line kept in place")], sdp.UnknownLines);
        Assert.Equal(MediaDirection.RecvOnly, sdp.Attributes.Direction);
    }

    [Fact]
    public void Media_fields_are_read()
    {
        var sdp = SdpParser.Parse(SdpSamples.AllFields);

        Assert.Equal(2, sdp.Media.Count);
        var audio = sdp.Media[0];
        Assert.Equal(("audio", 49170, (int?)null, "RTP/AVP"), (audio.Media, audio.Port, audio.PortCount, audio.Protocol));
        Assert.Equal(["0"], audio.Formats);
        Assert.Equal("the audio", audio.Information);
        Assert.Equal(new ConnectionData("IN", "IP6", "FF15::101", AddressCount: 3), audio.Connection);
        Assert.Equal([new Bandwidth("AS", 64)], audio.Bandwidths);
        Assert.Equal("clear:secret", audio.EncryptionKey);
        Assert.Equal(30, audio.Ptime);
        var video = sdp.Media[1];
        Assert.Equal((51372, (int?)2), (video.Port, video.PortCount));
        Assert.Equal(new RtpMap(99, "h263-1998", 90000), video.GetRtpMap(99));
    }

    [Fact]
    public void Media_connection_wins_over_session_connection()
    {
        var sdp = SdpParser.Parse("""
            v=0
            o=- 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            m=audio 4000 RTP/AVP 0
            m=audio 4002 RTP/AVP 0
            c=IN IP4 10.0.0.2
            """);

        Assert.Equal("10.0.0.1", sdp.ConnectionOf(sdp.Media[0])?.Address);
        Assert.Equal("10.0.0.2", sdp.ConnectionOf(sdp.Media[1])?.Address);
    }

    [Fact]
    public void Ipv6_connection_is_read()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP6 2001:db8::1\ns=-\nc=IN IP6 2001:db8::1\nt=0 0\nm=audio 4000 RTP/AVP 0\n");

        Assert.Equal(new ConnectionData("IN", "IP6", "2001:db8::1"), sdp.ConnectionOf(sdp.Media[0]));
        Assert.Equal("IP6", sdp.Origin.AddressType);
    }

    [Fact]
    public void Direction_at_media_level_wins_over_session_level()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\na=sendonly\nm=audio 1 RTP/AVP 0\na=inactive\nm=audio 2 RTP/AVP 0\nm=audio 3 RTP/AVP 0\n");

        Assert.Equal(MediaDirection.Inactive, sdp.DirectionOf(sdp.Media[0]));
        Assert.Equal(MediaDirection.SendOnly, sdp.DirectionOf(sdp.Media[1]));
        sdp.Attributes.Direction = null;
        Assert.Equal(MediaDirection.SendRecv, sdp.DirectionOf(sdp.Media[2]));
    }

    [Fact]
    public void Static_payload_types_resolve_without_rtpmap()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=audio 1 RTP/AVP 0 8 9 18 3\n");
        var media = sdp.Media[0];

        Assert.Equal(new RtpMap(0, "PCMU", 8000, 1), media.GetRtpMap(0));
        Assert.Equal(new RtpMap(8, "PCMA", 8000, 1), media.GetRtpMap(8));
        // G.722 samples at 16 kHz but its RTP clock is 8000 (RFC 3551 section 4.5.2).
        Assert.Equal(8000, media.GetRtpMap(9)?.ClockRate);
        Assert.Equal("G729", media.GetRtpMap(18)?.EncodingName);
        Assert.Equal("GSM", media.GetRtpMap(3)?.EncodingName);
        Assert.Null(media.GetRtpMap(96));
    }

    [Fact]
    public void Explicit_rtpmap_overrides_the_static_table()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=audio 1 RTP/AVP 0\na=rtpmap:0 pcmu/8000\n");

        Assert.Equal("pcmu", sdp.Media[0].GetRtpMap(0)?.EncodingName);
        Assert.True(sdp.Media[0].GetRtpMap(0)!.IsSameCodec("PCMU", 8000, 1));
    }

    [Fact]
    public void Non_numeric_formats_are_kept_as_text()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=application 5000 UDP/BFCP *\nm=message 7394 TCP/MSRP *\nm=audio 1 RTP/AVP 0 abc 96\n");

        Assert.Equal(["*"], sdp.Media[0].Formats);
        Assert.False(sdp.Media[0].IsRtp);
        Assert.Empty(sdp.Media[0].PayloadTypes);
        Assert.Equal([0, 96], sdp.Media[2].PayloadTypes);
    }

    [Fact]
    public void Tolerates_lf_cr_blank_lines_trailing_whitespace_and_extra_spaces()
    {
        var sdp = SdpParser.Parse("\n\nv=0  \r\no=-  1   1 IN IP4 h\t\rs=-\n\nt=0 0\r\nm=audio  4000  RTP/AVP  0   8 \n\n");

        Assert.Equal("h", sdp.Origin.Address);
        Assert.Equal(["0", "8"], sdp.Media[0].Formats);
    }

    [Fact]
    public void Rejected_stream_is_port_zero()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=video 0 RTP/AVP 96\n");

        Assert.True(sdp.Media[0].IsRejected);
    }
}
