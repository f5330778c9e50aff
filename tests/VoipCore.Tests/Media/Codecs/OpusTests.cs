using VoipCore.Media.Codecs;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Codecs;

/// <summary>Opus through the system libopus (Debian libopus0, a dependency of baresip-core).</summary>
public class OpusTests(ITestOutputHelper output)
{
    private const int Frame = 960;
    private const int OpusMaxPacket = 1275;

    [Fact]
    public void Libopus_is_available()
    {
        Assert.True(AudioCodecs.OpusAvailable, AudioCodecs.OpusUnavailableReason);
        Assert.Null(AudioCodecs.OpusUnavailableReason);
        Assert.True(AudioCodecs.IsSupported("OPUS", 48000));
    }

    [Fact]
    public void Info_is_what_SDP_offers()
    {
        using var encoder = AudioCodecs.CreateEncoder("opus", 48000);
        Assert.Equal(new AudioCodecInfo("opus", 48000, 48000, 2), encoder.Info);
        Assert.Equal((Frame, Frame), (encoder.Info.SamplesPerFrame(), encoder.Info.TimestampStep()));
    }

    [Fact]
    public void One_kilohertz_sine_round_trips_with_high_correlation()
    {
        var correlation = RoundTripCorrelation(TestSignals.Sine(48000, 1000, 10000, 1.0), "1 kHz sine");
        Assert.True(correlation > 0.9, $"correlation {correlation:F4}");
    }

    [Fact]
    public void Speech_like_signal_round_trips_with_high_correlation()
    {
        var correlation = RoundTripCorrelation(TestSignals.SpeechLike(48000, 1.0, seed: 11), "speech-like");
        Assert.True(correlation > 0.9, $"correlation {correlation:F4}");
    }

    [Fact]
    public void Concealment_recovers_a_lost_frame_from_the_next_packets_FEC()
    {
        var speech = TestSignals.SpeechLike(48000, 1.0, seed: 12);
        var packets = EncodeFrames(speech, new OpusSettings { PacketLossPercent = 20 });
        using var complete = AudioCodecs.CreateDecoder("opus", 48000);
        using var lossy = AudioCodecs.CreateDecoder("opus", 48000);
        using var concealing = AudioCodecs.CreateDecoder("opus", 48000);
        var lost = 27; // 540..560 ms, inside a voiced syllable
        var truth = new short[Frame];
        var recovered = new short[Frame];
        var guessed = new short[Frame];
        for (var i = 0; i < lost; i++)
        {
            Assert.Equal(Frame, lossy.Decode(packets[i], truth));
            Assert.Equal(Frame, concealing.Decode(packets[i], truth));
            Assert.Equal(Frame, complete.Decode(packets[i], truth));
        }
        Assert.Equal(Frame, complete.Decode(packets[lost], truth));

        Assert.Equal(Frame, lossy.Conceal(recovered, packets[lost + 1]));
        Assert.Equal(Frame, concealing.Conceal(guessed, []));

        var fec = SignalMetrics.Correlation(truth, recovered, 0);
        var plc = SignalMetrics.Correlation(truth, guessed, 0);
        output.WriteLine($"Opus lost frame vs the decoded original: FEC correlation {fec:F4}, PLC correlation {plc:F4}");
        Assert.True(fec > 0.8, $"FEC correlation {fec:F4}");
        Assert.True(fec > plc, $"FEC {fec:F4} should beat PLC {plc:F4}");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })] // code 3 (arbitrary frame count) without its count byte
    [InlineData(new byte[] { 0x03, 0x00 })] // code 3 with zero frames
    [InlineData(new byte[] { 0x02, 0xFC })] // code 2 whose first frame length exceeds the packet
    public void Malformed_payloads_return_minus_one(byte[] payload)
    {
        using var decoder = AudioCodecs.CreateDecoder("opus", 48000);
        Assert.Equal(-1, decoder.Decode(payload, new short[Frame]));
        Assert.Equal(-1, decoder.Decode([], new short[Frame]));
    }

    [Fact]
    public void Random_garbage_never_crashes_and_never_overruns_the_buffer()
    {
        using var decoder = AudioCodecs.CreateDecoder("opus", 48000);
        var random = new Random(13);
        var pcm = new short[Frame + 16];
        for (var i = 0; i < 500; i++)
        {
            var payload = new byte[random.Next(1, 300)];
            random.NextBytes(payload);
            pcm.AsSpan(Frame).Fill(0x5A5A);

            var samples = decoder.Decode(payload, pcm.AsSpan(0, Frame));

            Assert.True(samples == -1 || (samples > 0 && samples <= Frame), $"returned {samples}");
            Assert.All(pcm[Frame..], sample => Assert.Equal(0x5A5A, sample));
        }
    }

    [Fact]
    public void A_packet_longer_than_the_buffer_returns_minus_one()
    {
        var packet = EncodeFrames(TestSignals.Sine(48000, 500, 5000, 0.02), new OpusSettings())[0];
        using var decoder = AudioCodecs.CreateDecoder("opus", 48000);
        Assert.Equal(-1, decoder.Decode(packet, new short[480]));
    }

    [Fact]
    public void A_lower_bitrate_gives_smaller_packets()
    {
        var speech = TestSignals.SpeechLike(48000, 1.0, seed: 14);
        var low = EncodeFrames(speech, new OpusSettings { Bitrate = 12000 }).Sum(packet => packet.Length);
        var high = EncodeFrames(speech, new OpusSettings { Bitrate = 64000 }).Sum(packet => packet.Length);
        output.WriteLine($"Opus 1 s of speech-like audio: {low} bytes at 12 kbit/s, {high} bytes at 64 kbit/s");
        Assert.True(low * 2 < high, $"{low} vs {high} bytes");
    }

    [Fact]
    public void Dtx_shrinks_silence_to_tiny_packets()
    {
        var silence = new short[48000];
        var withDtx = EncodeFrames(silence, new OpusSettings { Dtx = true });
        var withoutDtx = EncodeFrames(silence, new OpusSettings { Dtx = false });
        Assert.All(withDtx[^10..], packet => Assert.InRange(packet.Length, 0, 2));
        Assert.All(withoutDtx[^10..], packet => Assert.True(packet.Length > 2));
    }

    [Fact]
    public void Settings_libopus_refuses_throw_invalid_argument()
    {
        var error = Assert.Throws<VoipException>(() => AudioCodecs.CreateEncoder("opus", 48000, new OpusSettings { Complexity = 11 }));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("Complexity", error.Message);
    }

    [Fact]
    public void A_frame_length_opus_cannot_code_throws_invalid_argument()
    {
        using var encoder = AudioCodecs.CreateEncoder("opus", 48000);
        var error = Assert.Throws<VoipException>(() => encoder.Encode(new short[100], new byte[OpusMaxPacket]));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    private double RoundTripCorrelation(short[] input, string what)
    {
        using var decoder = AudioCodecs.CreateDecoder("opus", 48000);
        var decoded = new short[input.Length];
        var offset = 0;
        foreach (var packet in EncodeFrames(input, new OpusSettings()))
        {
            Assert.Equal(Frame, decoder.Decode(packet, decoded.AsSpan(offset, Frame)));
            offset += Frame;
        }
        // Skip the first 100 ms, where the encoder is still settling.
        var skip = 4800;
        var delay = SignalMetrics.FindDelay(input.AsSpan(skip, input.Length - 2 * skip), decoded.AsSpan(skip), maxLag: 960);
        var correlation = SignalMetrics.Correlation(input.AsSpan(skip, input.Length - 2 * skip), decoded.AsSpan(skip), delay);
        output.WriteLine($"Opus {what}: delay {delay} samples, correlation {correlation:F4}");
        return correlation;
    }

    private static List<byte[]> EncodeFrames(short[] input, OpusSettings settings)
    {
        using var encoder = AudioCodecs.CreateEncoder("opus", 48000, settings);
        var packets = new List<byte[]>();
        var payload = new byte[OpusMaxPacket];
        for (var start = 0; start + Frame <= input.Length; start += Frame)
        {
            packets.Add(payload[..encoder.Encode(input.AsSpan(start, Frame), payload)]);
        }
        return packets;
    }
}
