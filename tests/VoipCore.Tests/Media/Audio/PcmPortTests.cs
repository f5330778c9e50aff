using System.Diagnostics;
using VoipCore.Media.Audio;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Audio;

public class PcmPortTests(ITestOutputHelper output)
{
    private static short[] Counting(int start, int length)
    {
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = unchecked((short)(start + i));
        }

        return samples;
    }

    [Fact]
    public void Captured_samples_reach_the_call_in_order()
    {
        var port = new PcmPort(8000);
        port.Push(Counting(0, 100));
        port.Push(Counting(100, 100));

        var frame = new short[160];
        Assert.True(port.Read(frame, 8000));
        Assert.Equal(Counting(0, 160), frame);
        Assert.Equal(40, port.CaptureAvailable);
    }

    [Fact]
    public void Reading_more_than_was_captured_gives_silence_and_consumes_nothing()
    {
        var port = new PcmPort(8000);
        port.Push(Counting(1, 100));
        var frame = Counting(5, 160);

        Assert.False(port.Read(frame, 8000));
        Assert.All(frame, s => Assert.Equal(0, s));
        Assert.Equal(100, port.CaptureAvailable);
        Assert.Equal(1, port.CaptureUnderruns);
    }

    [Fact]
    public void A_full_capture_ring_drops_the_oldest_samples()
    {
        var port = new PcmPort(8000, capacityMilliseconds: 40);
        Assert.Equal(320, port.Capacity);
        Assert.Equal(300, port.Push(Counting(0, 300)));
        Assert.Equal(100, port.Push(Counting(300, 100)));

        Assert.Equal(80, port.CaptureDroppedSamples);
        var frame = new short[320];
        Assert.True(port.Read(frame, 8000));
        Assert.Equal(Counting(80, 320), frame);

        Assert.Equal(320, port.Push(Counting(0, 1000)));
        Assert.Equal(80 + 680, port.CaptureDroppedSamples);
        Assert.True(port.Read(frame, 8000));
        Assert.Equal(Counting(680, 320), frame);
    }

    [Fact]
    public void Pulling_an_empty_playback_ring_gives_silence_and_counts_an_underrun()
    {
        var port = new PcmPort(48000);
        port.Write(Counting(1, 100), 48000);
        var buffer = Counting(7, 480);

        Assert.Equal(100, port.Pull(buffer));
        Assert.Equal(Counting(1, 100), buffer[..100]);
        Assert.All(buffer[100..], s => Assert.Equal(0, s));
        Assert.Equal(1, port.PlaybackUnderruns);
    }

    [Fact]
    public void Call_frames_are_resampled_to_the_port_rate_for_playback()
    {
        var port = new PcmPort(48000, capacityMilliseconds: 2000);
        short[] sine = Signals.Sine(1000, 8000, 8000);
        for (int i = 0; i < sine.Length; i += 160)
        {
            port.Write(sine.AsSpan(i, 160), 8000);
        }

        Assert.Equal(48000, port.PlaybackAvailable);
        var played = new short[48000];
        Assert.Equal(48000, port.Pull(played));

        double snr = Signals.SnrDb(played, 1000, 48000, 16000, new Resampler(8000, 48000).DelaySamples, 4800, 43200);
        output.WriteLine($"playback 8k -> 48k port: SNR {snr:F1} dB");
        Assert.True(snr > 70);
    }

    [Fact]
    public void Captured_audio_is_resampled_to_the_rate_the_call_reads()
    {
        var port = new PcmPort(44100, capacityMilliseconds: 2000);
        port.Push(Signals.Sine(1000, 44100, 44100));

        // 16 kHz frames from a 44.1 kHz port: 882 device samples per 320-sample frame.
        var received = new short[16000];
        for (int i = 0; i < received.Length; i += 320)
        {
            Assert.True(port.Read(received.AsSpan(i, 320), 16000));
        }

        // Output n is computed once input sample floor(n * 441 / 160) has arrived, so 16000 outputs consume
        // floor(15999 * 441 / 160) + 1 = 44098 samples: reads take what they need, not a rounded 882 each.
        Assert.Equal(2, port.CaptureAvailable);
        double snr = Signals.SnrDb(received, 1000, 16000, 16000, new Resampler(44100, 16000).DelaySamples, 1600, 14400);
        output.WriteLine($"capture 44.1k port -> 16k call: SNR {snr:F1} dB");
        Assert.True(snr > 70);
    }

    [Fact]
    public void Capture_across_threads_keeps_every_sample_in_order_apart_from_counted_drops()
    {
        var port = new PcmPort(48000, capacityMilliseconds: 50);
        const int total = 65_000; // below 2^16, so a 16-bit sample names its position unambiguously
        var producer = new Thread(() =>
        {
            var patience = Stopwatch.StartNew();
            for (int sent = 0, chunk = 0; sent < total; sent += 441, chunk++)
            {
                // Mostly wait for room so most samples cross between threads; every 8th chunk overruns on purpose.
                while (chunk % 8 != 0 && port.CaptureAvailable > port.Capacity - 441 && patience.Elapsed < TimeSpan.FromSeconds(5))
                {
                    Thread.Yield();
                }

                port.Push(Counting(sent, Math.Min(441, total - sent)));
            }
        });

        var frame = new short[480];
        short last = -1;
        long skipped = 0, received = 0;
        var deadline = Stopwatch.StartNew();
        producer.Start();
        while (last != unchecked((short)(total - 1)) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (!port.Read(frame, 48000))
            {
                if (!producer.IsAlive && port.CaptureAvailable < frame.Length)
                {
                    break;
                }

                Thread.Yield();
                continue;
            }

            foreach (short sample in frame)
            {
                int step = unchecked((ushort)(sample - last));
                Assert.True(step >= 1, $"sample {sample} after {last}");
                skipped += step - 1;
                last = sample;
                received++;
            }
        }

        producer.Join();
        output.WriteLine($"received {received}, dropped {port.CaptureDroppedSamples}, left {port.CaptureAvailable}");
        Assert.Equal(port.CaptureDroppedSamples, skipped);
        Assert.Equal(total, received + skipped + port.CaptureAvailable);
    }

    [Fact]
    public void Playback_across_threads_keeps_every_sample_in_order_apart_from_counted_drops()
    {
        var port = new PcmPort(16000, capacityMilliseconds: 60);
        const int total = 64_000; // below 2^16, so a 16-bit sample names its position unambiguously
        var producer = new Thread(() =>
        {
            var patience = Stopwatch.StartNew();
            for (int sent = 0, chunk = 0; sent < total; sent += 320, chunk++)
            {
                // Mostly wait for room so most samples cross between threads; every 8th frame overruns on purpose.
                while (chunk % 8 != 0 && port.PlaybackAvailable > port.Capacity - 320 && patience.Elapsed < TimeSpan.FromSeconds(5))
                {
                    Thread.Yield();
                }

                port.Write(Counting(sent, 320), 16000);
            }
        });

        var buffer = new short[333];
        short last = -1;
        long skipped = 0, received = 0;
        var deadline = Stopwatch.StartNew();
        producer.Start();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            int copied = port.Pull(buffer);
            if (copied == 0 && !producer.IsAlive && port.PlaybackAvailable == 0)
            {
                break;
            }

            foreach (short sample in buffer.AsSpan(0, copied))
            {
                int step = unchecked((ushort)(sample - last));
                Assert.True(step >= 1, $"sample {sample} after {last}");
                skipped += step - 1;
                last = sample;
                received++;
            }
        }

        producer.Join();
        output.WriteLine($"received {received}, dropped {port.PlaybackDroppedSamples}");
        Assert.Equal(port.PlaybackDroppedSamples, skipped);
        Assert.Equal(total, received + skipped);
    }
}
