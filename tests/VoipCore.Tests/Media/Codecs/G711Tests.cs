using VoipCore.Media.Codecs;

namespace VoipCore.Tests.Media.Codecs;

public class G711Tests
{
    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)] // the one's complement magnitude makes -1 the mirror of 0
    [InlineData(8, 0xFE)]
    [InlineData(-9, 0x7E)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(1000, 0xCE)]
    public void MuLaw_encodes_known_code_points(short sample, byte code) => Assert.Equal(code, MuLaw.Encode(sample));

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xCE, 988)]
    public void MuLaw_decodes_known_code_points(byte code, short sample) => Assert.Equal(sample, MuLaw.Decode(code));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    [InlineData(1000, 0xFA)]
    public void ALaw_encodes_known_code_points(short sample, byte code) => Assert.Equal(code, ALaw.Encode(sample));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xFA, 1008)]
    public void ALaw_decodes_known_code_points(byte code, short sample) => Assert.Equal(sample, ALaw.Decode(code));

    [Fact]
    public void MuLaw_decode_then_encode_is_the_identity_except_negative_zero()
    {
        for (var code = 0; code < 256; code++)
        {
            // 0x7F is "negative zero": it decodes to 0, which encodes as the positive zero 0xFF.
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal(expected, MuLaw.Encode(MuLaw.Decode((byte)code)));
        }
    }

    [Fact]
    public void ALaw_decode_then_encode_is_the_identity()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, ALaw.Encode(ALaw.Decode((byte)code)));
        }
    }

    [Fact]
    public void MuLaw_round_trip_error_is_half_a_step_of_the_segment()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            var code = MuLaw.Encode((short)sample);
            var error = Math.Abs(sample - MuLaw.Decode(code));
            var segment = (~code >> 4) & 7;
            // Segment s quantizes in steps of 8 << s (16-bit scale); beyond the overload point 32635 it clips.
            var bound = Math.Abs(sample) > 32635 ? Math.Abs(sample) - 32124 : 4 << segment;
            Assert.True(error <= bound, $"sample {sample}: error {error} > {bound}");
        }
    }

    [Fact]
    public void ALaw_round_trip_error_is_half_a_step_of_the_segment()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            var code = ALaw.Encode((short)sample);
            var error = Math.Abs(sample - ALaw.Decode(code));
            var segment = ((code ^ 0x55) >> 4) & 7;
            // Segments 0 and 1 share a step of 16; each later segment doubles it.
            var bound = 8 << Math.Max(segment - 1, 0);
            Assert.True(error <= bound, $"sample {sample}: error {error} > {bound}");
        }
    }

    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    public void Codec_round_trips_a_frame(string name)
    {
        using var encoder = AudioCodecs.CreateEncoder(name, 8000);
        using var decoder = AudioCodecs.CreateDecoder(name, 8000);
        Assert.Equal(new AudioCodecInfo(name, 8000, 8000, 1), encoder.Info);
        var pcm = TestSignals.Sine(8000, 1000, 12000, 0.02);
        var payload = new byte[160];
        var decoded = new short[160];

        Assert.Equal(160, encoder.Encode(pcm, payload));
        Assert.Equal(160, decoder.Decode(payload, decoded));

        for (var i = 0; i < pcm.Length; i++)
        {
            // 12000 lies in segment 6 of µ-law and A-law alike: steps of 512, error at most 256.
            Assert.InRange(decoded[i] - pcm[i], -256, 256);
        }
    }

    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    public void Decoder_refuses_empty_payloads_and_ones_longer_than_the_buffer(string name)
    {
        using var decoder = AudioCodecs.CreateDecoder(name, 8000);
        Assert.Equal(-1, decoder.Decode([], new short[160]));
        Assert.Equal(-1, decoder.Decode(new byte[161], new short[160]));
    }

    [Fact]
    public void Encoder_throws_for_a_payload_buffer_smaller_than_the_frame()
    {
        using var encoder = AudioCodecs.CreateEncoder("PCMU", 8000);
        var error = Assert.Throws<VoipException>(() => encoder.Encode(new short[160], new byte[100]));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }
}
