using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

public class SdpRoundTripTests
{
    public static TheoryData<string> RealWorld => new()
    {
        SdpSamples.Baresip,
        SdpSamples.ChromeWebRtc,
        SdpSamples.Linphone,
        SdpSamples.SippDefault,
        SdpSamples.AllFields,
    };

    [Theory]
    [MemberData(nameof(RealWorld))]
    public void Serialize_of_parse_gives_back_the_same_text_with_crlf(string sdp)
    {
        var text = SdpSerializer.Serialize(SdpParser.Parse(sdp));

        Assert.Equal(SdpSamples.Crlf(sdp), text);
    }

    [Theory]
    [MemberData(nameof(RealWorld))]
    public void Crlf_input_parses_like_lf_input(string sdp)
    {
        var fromLf = SdpSerializer.Serialize(SdpParser.Parse(sdp));
        var fromCrlf = SdpSerializer.Serialize(SdpParser.Parse(SdpSamples.Crlf(sdp)));

        Assert.Equal(fromLf, fromCrlf);
    }

    [Fact]
    public void Out_of_order_session_lines_are_written_in_rfc_order()
    {
        var sdp = SdpParser.Parse("v=0\nt=0 0\na=x\nc=IN IP4 10.0.0.1\ns=-\no=- 1 1 IN IP4 10.0.0.1\n");

        Assert.Equal(
            "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\na=x\r\n",
            SdpSerializer.Serialize(sdp));
    }

    [Fact]
    public void Missing_t_and_s_are_written_with_their_neutral_values()
    {
        var sdp = SdpParser.Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\n");

        Assert.Equal("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n", SdpSerializer.Serialize(sdp));
    }

    [Fact]
    public void Attribute_order_and_unknown_attributes_survive()
    {
        var sdp = SdpParser.Parse(SdpSamples.ChromeWebRtc);

        var names = sdp.Media[0].Attributes.Select(a => a.Name).Take(6).ToArray();
        Assert.Equal(["rtcp", "candidate", "candidate", "ice-ufrag", "ice-pwd", "ice-options"], names);
        Assert.Equal(" WMS stream1", sdp.Attributes.GetValue("msid-semantic"));
    }

    [Fact]
    public void Clone_is_deep()
    {
        var original = SdpParser.Parse(SdpSamples.Baresip);
        var copy = original.Clone();

        copy.Media[0].Formats.Clear();
        copy.Media[0].Attributes.Add("extra");
        copy.Times[0].RepeatTimes.Add("1d 1h 0");

        Assert.Equal(SdpSamples.Crlf(SdpSamples.Baresip), SdpSerializer.Serialize(original));
    }

    [Fact]
    public void Utf8_body_parses()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(SdpSamples.SippDefault);

        var sdp = SdpParser.Parse(body);

        Assert.Equal(6000, sdp.Media[0].Port);
        Assert.Equal(SdpSerializer.SerializeToUtf8(sdp), System.Text.Encoding.UTF8.GetBytes(SdpSamples.Crlf(SdpSamples.SippDefault)));
    }
}
