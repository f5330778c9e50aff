using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class SdpParseErrorTests
{
    private const string Head = "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\n";

    [Theory]
    [InlineData("", 0, "empty description")]
    [InlineData("\n \n", 0, "empty description")]
    [InlineData("o=- 1 1 IN IP4 h\n", 1, "must begin with v=0")]
    [InlineData("v=1\no=- 1 1 IN IP4 h\n", 1, "unsupported SDP version")]
    [InlineData("v=0\ns=-\n", 0, "missing o= line")]
    [InlineData("v=0\no=- 1 IN IP4 h\n", 2, "o= needs")]
    [InlineData("v=0\no=- 1 x IN IP4 h\n", 2, "session version \"x\"")]
    [InlineData("v=0\no=- 1 1 IN IP4 h\no=- 1 1 IN IP4 h\n", 3, "duplicate o=")]
    [InlineData("v=0\nm=audio 1 RTP/AVP 0\n", 2, "m= before the o= line")]
    [InlineData(Head + "m=audio\n", 5, "m= needs")]
    [InlineData(Head + "m=audio RTP/AVP 0\n", 5, "port \"RTP/AVP\"")]
    [InlineData(Head + "m=audio abc RTP/AVP 0\n", 5, "port \"abc\"")]
    [InlineData(Head + "m=audio 70000 RTP/AVP 0\n", 5, "port \"70000\"")]
    [InlineData(Head + "m=audio -1 RTP/AVP 0\n", 5, "port \"-1\"")]
    [InlineData(Head + "m=audio 4000/x RTP/AVP 0\n", 5, "port count")]
    [InlineData(Head + "c=IN IP4\n", 5, "c= needs")]
    [InlineData(Head + "c=IN IP4 224.0.0.1/300\n", 5, "TTL")]
    [InlineData(Head + "c=IN IP6 ff15::1/a\n", 5, "address count")]
    [InlineData(Head + "b=AS\n", 5, "b= needs")]
    [InlineData(Head + "b=AS:fast\n", 5, "b= needs")]
    [InlineData("v=0\no=- 1 1 IN IP4 h\nt=now 0\n", 3, "t= needs")]
    [InlineData("v=0\no=- 1 1 IN IP4 h\nr=7d 1h 0\n", 3, "r= must follow")]
    [InlineData(Head + "m=audio 1 RTP/AVP 0\nt=0 0\n", 6, "session-level line")]
    [InlineData(Head + "m=audio 1 RTP/AVP 0\ni=a\ni=b\n", 7, "only once")]
    [InlineData(Head + "a=\n", 5, "attribute name")]
    [InlineData(Head + "a:rtpmap\n", 5, "expected <type>=<value>")]
    [InlineData(Head + "X=1\n", 5, "lower-case letter")]
    [InlineData(Head + " a=x\n", 5, "expected <type>=<value>")]
    public void Malformed_input_is_reported_with_line_and_reason(string text, int line, string reason)
    {
        Assert.False(SdpParser.TryParse(text, out var description, out var error));
        Assert.Null(description);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message);

        var thrown = Assert.Throws<SdpParseException>(() => SdpParser.Parse(text));
        Assert.Equal(error, thrown.Error);
        Assert.Equal(line, thrown.LineNumber);
    }

    [Fact]
    public void Error_text_names_the_line()
    {
        SdpParser.TryParse(Head + "m=audio abc RTP/AVP 0\n", out _, out var error);

        Assert.Equal("SDP line 5 \"m=audio abc RTP/AVP 0\": m= port \"abc\" is not a number from 0 to 65535", error!.ToString());
    }

    [Fact]
    public void Line_numbers_count_crlf_as_one_line_break()
    {
        SdpParser.TryParse("v=0\r\no=- 1 1 IN IP4 h\r\n\r\nm=audio x RTP/AVP 0\r\n", out _, out var error);

        Assert.Equal(4, error!.LineNumber);
    }

    [Fact]
    public void Malformed_attribute_values_are_skipped_by_typed_views_but_kept()
    {
        var sdp = SdpParser.Parse(Head + "m=audio 1 RTP/AVP 96\na=rtpmap:96\na=rtpmap:x opus/48000\na=ptime:abc\na=rtcp:port\n");
        var media = sdp.Media[0];

        Assert.Empty(media.RtpMaps);
        Assert.Null(media.GetRtpMap(96));
        Assert.Null(media.Ptime);
        Assert.Null(media.Rtcp);
        Assert.Equal(4, media.Attributes.Count);
    }
}
