using BenchmarkDotNet.Attributes;
using VoipCore.Media.Codecs;

namespace VoipCore.Bench;

/// <summary>
/// Encoding and decoding one 20 ms frame per codec, cycling through one second of speech-like audio so stateful
/// codecs see changing input. The opus rows have a C peer, bench/peers/opus_frame_cost.c, timing libopus itself
/// with the same settings (the <see cref="OpusSettings"/> defaults) on the same signal.
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class CodecBenchmarks
{
    private const int FrameMs = 20;
    private const int Frames = 1000 / FrameMs;

    private IAudioEncoder _encoder = null!;
    private IAudioDecoder _decoder = null!;
    private short[] _signal = [];
    private byte[][] _packets = [];
    private byte[] _payload = [];
    private short[] _pcm = [];
    private int _samples;
    private int _nextEncode;
    private int _nextDecode;

    [Params("PCMU", "PCMA", "G722", "opus")]
    public string Codec { get; set; } = "PCMU";

    [GlobalSetup]
    public void Setup()
    {
        var clockRate = Codec == "opus" ? 48000 : 8000;
        _encoder = AudioCodecs.CreateEncoder(Codec, clockRate);
        _decoder = AudioCodecs.CreateDecoder(Codec, clockRate);
        _samples = _encoder.Info.SamplesPerFrame(FrameMs);
        _signal = SpeechLike(_encoder.Info.PcmRate, Frames * _samples);
        _payload = new byte[1275];
        _pcm = new short[_samples];
        // The packets the decode benchmark cycles through, coded by a separate encoder instance.
        using var encoder = AudioCodecs.CreateEncoder(Codec, clockRate);
        _packets = new byte[Frames][];
        for (var frame = 0; frame < Frames; frame++)
        {
            _packets[frame] = _payload[..encoder.Encode(_signal.AsSpan(frame * _samples, _samples), _payload)];
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    [Benchmark(Description = "encode 20 ms")]
    public int Encode()
    {
        var frame = _nextEncode;
        _nextEncode = frame + 1 == Frames ? 0 : frame + 1;
        return _encoder.Encode(_signal.AsSpan(frame * _samples, _samples), _payload);
    }

    [Benchmark(Description = "decode 20 ms")]
    public int Decode()
    {
        var frame = _nextDecode;
        _nextDecode = frame + 1 == Frames ? 0 : frame + 1;
        return _decoder.Decode(_packets[frame], _pcm);
    }

    /// <summary>The formula of opus_frame_cost.c: ten harmonics of a gliding 120–180 Hz pitch in 4 Hz syllables.</summary>
    private static short[] SpeechLike(int rate, int samples)
    {
        var pcm = new short[samples];
        var phase = 0.0;
        for (var n = 0; n < samples; n++)
        {
            var t = (double)n / rate;
            phase += 2 * Math.PI * (150 + 30 * Math.Sin(2 * Math.PI * 0.5 * t)) / rate;
            var voiced = 0.0;
            for (var h = 1; h <= 10; h++)
            {
                voiced += Math.Sin(h * phase) / h;
            }
            pcm[n] = (short)Math.Round(6000 * (0.55 + 0.45 * Math.Sin(2 * Math.PI * 4 * t)) * voiced);
        }
        return pcm;
    }
}
