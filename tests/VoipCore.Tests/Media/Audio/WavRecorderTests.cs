using System.Buffers.Binary;
using VoipCore.Media.Audio;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Audio;

public sealed class WavRecorderTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static short[] Constant(short value, int length)
    {
        var samples = new short[length];
        samples.AsSpan().Fill(value);
        return samples;
    }

    /// <summary>The two channels of a stereo file from this project's writer (44-byte header).</summary>
    private static (short[] Left, short[] Right) ReadStereo(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));
        int frames = (bytes.Length - 44) / 4;
        var left = new short[frames];
        var right = new short[frames];
        for (int i = 0; i < frames; i++)
        {
            left[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + 4 * i));
            right[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(46 + 4 * i));
        }

        return (left, right);
    }

    private static short[] ReadMono(string path)
    {
        using var reader = new WavReader(path);
        var samples = new short[reader.FrameCount];
        Assert.Equal(samples.Length, reader.Read(samples));
        return samples;
    }

    [Fact]
    public void Mixed_recording_adds_both_directions_and_clips()
    {
        string path = _files.Path("mixed.wav");
        using (var recorder = new WavRecorder(path, 8000))
        {
            for (int i = 0; i < 5; i++)
            {
                recorder.WriteReceived(Constant(1000, 160), 8000);
                recorder.WriteSent(Constant(234, 160), 8000);
            }

            recorder.WriteReceived(Constant(30000, 160), 8000);
            recorder.WriteSent(Constant(30000, 160), 8000);
            Assert.Equal(960, recorder.FrameCount);
        }

        short[] samples = ReadMono(path);
        Assert.Equal(960, samples.Length);
        Assert.All(samples[..800], s => Assert.Equal(1234, s));
        Assert.All(samples[800..], s => Assert.Equal(short.MaxValue, s));
    }

    [Fact]
    public void Stereo_recording_puts_received_left_and_sent_right()
    {
        string path = _files.Path("stereo.wav");
        using (var recorder = new WavRecorder(path, 8000, RecorderChannels.Stereo))
        {
            for (int i = 0; i < 3; i++)
            {
                recorder.WriteSent(Constant(-7, 160), 8000);
                recorder.WriteReceived(Constant(5, 160), 8000);
            }

            recorder.Write(Constant(99, 160), 8000);
        }

        var (left, right) = ReadStereo(path);
        Assert.Equal(640, left.Length);
        Assert.All(left[..480], s => Assert.Equal(5, s));
        Assert.All(right[..480], s => Assert.Equal(-7, s));
        Assert.All(left[480..], s => Assert.Equal(99, s));
        Assert.All(right[480..], s => Assert.Equal(99, s));
    }

    [Fact]
    public void A_lone_direction_waits_at_most_100_ms_for_the_other()
    {
        string path = _files.Path("one-way.wav");
        var recorder = new WavRecorder(path, 8000, RecorderChannels.Stereo);
        for (int i = 0; i < 10; i++)
        {
            recorder.WriteReceived(Constant(300, 160), 8000);
        }

        Assert.Equal(1600 - 800, recorder.FrameCount);

        // The other direction resumes: its samples pair with the received ones still waiting.
        recorder.WriteSent(Constant(-300, 160), 8000);
        Assert.Equal(1600 - 800 + 160, recorder.FrameCount);
        recorder.Dispose();

        var (left, right) = ReadStereo(path);
        Assert.Equal(1600, left.Length);
        Assert.All(left, s => Assert.Equal(300, s));
        Assert.All(right[..800], s => Assert.Equal(0, s));
        Assert.All(right[800..960], s => Assert.Equal(-300, s));
        Assert.All(right[960..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void Frames_at_other_rates_are_resampled_to_the_file_rate()
    {
        string path = _files.Path("rates.wav");
        short[] received = Signals.Sine(1000, 8000, 8000);
        short[] sent = Signals.Sine(1000, 48000, 48000);
        using (var recorder = new WavRecorder(path, 16000, RecorderChannels.Stereo))
        {
            for (int frame = 0; frame < 50; frame++)
            {
                recorder.WriteReceived(received.AsSpan(frame * 160, 160), 8000);
                recorder.WriteSent(sent.AsSpan(frame * 960, 960), 48000);
            }
        }

        var (left, right) = ReadStereo(path);
        Assert.Equal(16000, left.Length);
        double leftSnr = Signals.SnrDb(left, 1000, 16000, 16000, new Resampler(8000, 16000).DelaySamples, 1600, 14400);
        double rightSnr = Signals.SnrDb(right, 1000, 16000, 16000, new Resampler(48000, 16000).DelaySamples, 1600, 14400);
        output.WriteLine($"received 8k -> 16k file: SNR {leftSnr:F1} dB; sent 48k -> 16k file: SNR {rightSnr:F1} dB");
        Assert.True(leftSnr > 70 && rightSnr > 70);
    }

    [Fact]
    public void The_header_is_rewritten_every_second_so_an_unclosed_file_is_readable()
    {
        string path = _files.Path("live.wav");
        var recorder = new WavRecorder(path, 8000);
        for (int i = 0; i < 60; i++)
        {
            recorder.Write(Constant(1, 160), 8000);
        }

        // 1.2 s written, the last 100 ms still waiting for a sent direction; the header says at least 1 s.
        using (var reader = new WavReader(path))
        {
            Assert.Equal(8000, reader.FrameCount);
        }

        recorder.Dispose();
        Assert.Equal(9600, ReadMono(path).Length);
        Assert.Null(recorder.Error);
        recorder.Write(Constant(1, 160), 8000);
    }
}
