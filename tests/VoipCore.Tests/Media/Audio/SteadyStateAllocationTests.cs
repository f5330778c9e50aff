using VoipCore.Media.Audio;

namespace VoipCore.Tests.Media.Audio;

/// <summary>Per-frame calls allocate nothing once each rate has been seen (the first frame builds resamplers).</summary>
public sealed class SteadyStateAllocationTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// Bytes allocated by 100 frames, the least of five runs: the runtime itself now and then charges a few KB
    /// to the thread while methods tier up or other tests collect, but per-frame allocations show in every run.
    /// </summary>
    private static long AllocatedBy(Action frame)
    {
        frame();
        long least = long.MaxValue;
        for (int run = 0; run < 5 && least > 0; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                frame();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    [Fact]
    public void Resampling_a_frame_allocates_nothing()
    {
        var resampler = new Resampler(44100, 48000);
        var input = new short[882];
        var output = new short[960];
        Assert.Equal(0, AllocatedBy(() => resampler.Process(input, output)));
    }

    [Fact]
    public void Port_frames_allocate_nothing()
    {
        var port = new PcmPort(48000);
        var device = new short[480];
        var frame = new short[160];
        Assert.Equal(0, AllocatedBy(() =>
        {
            port.Push(device);
            port.Push(device);
            port.Read(frame, 8000);
            port.Write(frame, 8000);
            port.Pull(device);
            port.Pull(device);
        }));
    }

    [Fact]
    public void Player_generator_and_recorder_frames_allocate_nothing()
    {
        string path = _files.Path("loop.wav");
        using (var writer = new WavWriter(path, 44100))
        {
            writer.Write(Signals.Sine(500, 44100, 44100));
        }

        using var player = new WavPlayer(path, loop: true);
        var tones = new ToneGenerator(TonePattern.BusyUs);
        using var recorder = new WavRecorder(_files.Path("rec.wav"), 16000, RecorderChannels.Stereo);
        var received = new short[320];
        var sent = new short[160];
        Assert.Equal(0, AllocatedBy(() =>
        {
            player.Read(received, 16000);
            tones.Read(sent, 8000);
            recorder.WriteReceived(received, 16000);
            recorder.WriteSent(sent, 8000);
            AudioMixer.Mix(received, received);
        }));
    }
}
