using VoipCore.Media.Codecs;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Codecs;

public class G722Tests(ITestOutputHelper output)
{
    [Fact]
    public void One_kilohertz_sine_survives_with_more_than_30_dB_SNR()
    {
        var input = TestSignals.Sine(16000, 1000, 10000, 1.0);
        var decoded = RoundTrip(input);

        var delay = SignalMetrics.FindDelay(input, decoded, maxLag: 64);
        var snr = SignalMetrics.SnrDb(input, decoded, delay, skip: 1600);
        output.WriteLine($"G.722 1 kHz sine: delay {delay} samples, SNR {snr:F1} dB");

        Assert.True(snr > 30, $"SNR {snr:F1} dB");
    }

    [Fact]
    public void Speech_like_signal_survives_with_high_correlation()
    {
        var input = TestSignals.SpeechLike(16000, 1.0, seed: 3);
        var decoded = RoundTrip(input);

        var delay = SignalMetrics.FindDelay(input, decoded, maxLag: 64);
        var correlation = SignalMetrics.Correlation(input, decoded, delay);
        output.WriteLine($"G.722 speech-like: delay {delay} samples, correlation {correlation:F4}");

        Assert.True(correlation > 0.99, $"correlation {correlation:F4}");
    }

    [Fact]
    public void A_20_ms_frame_is_320_samples_in_160_octets()
    {
        using var encoder = AudioCodecs.CreateEncoder("g722", 8000);
        using var decoder = AudioCodecs.CreateDecoder("G722", 8000);
        Assert.Equal(new AudioCodecInfo("G722", 8000, 16000, 1), encoder.Info);
        Assert.Equal((320, 160), (encoder.Info.SamplesPerFrame(), encoder.Info.TimestampStep()));
        var payload = new byte[200];
        var pcm = new short[320];

        Assert.Equal(160, encoder.Encode(TestSignals.Sine(16000, 440, 5000, 0.02), payload));
        Assert.Equal(320, decoder.Decode(payload.AsSpan(0, 160), pcm));
    }

    [Fact]
    public void Encoder_throws_for_an_odd_frame_or_a_small_payload_buffer()
    {
        using var encoder = new G722Encoder();
        Assert.Equal(ErrorCode.InvalidArgument,
            Assert.Throws<VoipException>(() => encoder.Encode(new short[319], new byte[160])).Code);
        Assert.Equal(ErrorCode.InvalidArgument,
            Assert.Throws<VoipException>(() => encoder.Encode(new short[320], new byte[159])).Code);
    }

    [Fact]
    public void Decoder_refuses_empty_payloads_and_ones_longer_than_the_buffer()
    {
        using var decoder = new G722Decoder();
        Assert.Equal(-1, decoder.Decode([], new short[320]));
        Assert.Equal(-1, decoder.Decode(new byte[161], new short[320]));
    }

    [Fact]
    public void Encoder_and_decoder_keep_state_across_frames()
    {
        // Coding a signal frame by frame must equal coding it in one call: no state is lost at frame edges.
        var input = TestSignals.SpeechLike(16000, 0.2, seed: 4);
        using var whole = new G722Encoder();
        using var framed = new G722Encoder();
        var expected = new byte[input.Length / 2];
        var actual = new byte[input.Length / 2];

        whole.Encode(input, expected);
        for (var start = 0; start < input.Length; start += 320)
        {
            framed.Encode(input.AsSpan(start, 320), actual.AsSpan(start / 2));
        }

        Assert.Equal(expected, actual);
    }

    private static short[] RoundTrip(short[] input)
    {
        using var encoder = new G722Encoder();
        using var decoder = new G722Decoder();
        var decoded = new short[input.Length];
        var payload = new byte[160];
        for (var start = 0; start + 320 <= input.Length; start += 320)
        {
            encoder.Encode(input.AsSpan(start, 320), payload);
            decoder.Decode(payload, decoded.AsSpan(start, 320));
        }
        return decoded;
    }
}
