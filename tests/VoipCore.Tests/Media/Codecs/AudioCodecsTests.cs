using VoipCore.Media.Codecs;

namespace VoipCore.Tests.Media.Codecs;

public class AudioCodecsTests
{
    [Theory]
    [InlineData("PCMU", 8000, true)]
    [InlineData("pcmu", 8000, true)]
    [InlineData("PCMA", 8000, true)]
    [InlineData("G722", 8000, true)]
    [InlineData("G722", 16000, false)] // RFC 3551 keeps G.722's RTP clock at 8000
    [InlineData("PCMU", 16000, false)]
    [InlineData("opus", 48000, true)]
    [InlineData("opus", 16000, false)]
    [InlineData("L16", 8000, false)]
    public void IsSupported_matches_name_and_clock_rate(string name, int clockRate, bool supported) =>
        Assert.Equal(supported, AudioCodecs.IsSupported(name, clockRate));

    [Fact]
    public void Unknown_codecs_throw_unsupported()
    {
        Assert.Equal(ErrorCode.Unsupported, Assert.Throws<VoipException>(() => AudioCodecs.CreateEncoder("GSM", 8000)).Code);
        Assert.Equal(ErrorCode.Unsupported, Assert.Throws<VoipException>(() => AudioCodecs.CreateDecoder("G722", 16000)).Code);
    }

    [Theory]
    [InlineData("PCMU", 8000, 160, 160)]
    [InlineData("PCMA", 8000, 160, 160)]
    [InlineData("G722", 8000, 320, 160)]
    [InlineData("opus", 48000, 960, 960)]
    public void Frame_and_timestamp_sizes_of_20_ms(string name, int clockRate, int samples, int timestampStep)
    {
        using var decoder = AudioCodecs.CreateDecoder(name, clockRate);
        Assert.Equal(samples, decoder.Info.SamplesPerFrame());
        Assert.Equal(timestampStep, decoder.Info.TimestampStep());
        Assert.Equal(samples / 2, decoder.Info.SamplesPerFrame(frameMs: 10));
    }

    [Fact]
    public void A_library_that_is_missing_is_reported_with_what_to_install()
    {
        Assert.False(NativeLibraryResolver.TryLoad(["libvoipcore-absent.so.9"], "install it", out var handle, out var failure));
        Assert.Equal(0, handle);
        Assert.Equal("libvoipcore-absent.so.9 not found: install it", failure);
    }
}
