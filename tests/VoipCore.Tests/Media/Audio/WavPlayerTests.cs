using VoipCore.Media.Audio;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Audio;

public sealed class WavPlayerTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string WriteWav(short[] samples, int rate)
    {
        string path = _files.Path($"{Guid.NewGuid():N}.wav");
        using var writer = new WavWriter(path, rate);
        writer.Write(samples);
        return path;
    }

    private static short[] Ramp(int length)
    {
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (short)(i + 1);
        }

        return samples;
    }

    [Fact]
    public void Plays_once_then_reports_the_end_exactly_once()
    {
        using var player = new WavPlayer(WriteWav(Ramp(400), 8000));
        int ended = 0;
        player.Ended += () => ended++;
        var frame = new short[160];

        Assert.True(player.Read(frame, 8000));
        Assert.Equal(Ramp(160), frame);
        Assert.True(player.Read(frame, 8000));
        Assert.False(player.Finished);
        Assert.True(player.Read(frame, 8000));
        Assert.Equal(Ramp(400)[320..], frame[..80]);
        Assert.All(frame[80..], s => Assert.Equal(0, s));
        Assert.True(player.Finished);
        Assert.Equal(1, ended);

        frame.AsSpan().Fill(5);
        Assert.False(player.Read(frame, 8000));
        Assert.All(frame, s => Assert.Equal(0, s));
        Assert.Equal(1, ended);
    }

    [Fact]
    public void Looping_player_wraps_around_and_never_ends()
    {
        using var player = new WavPlayer(WriteWav(Ramp(250), 8000), loop: true);
        player.Ended += () => Assert.Fail("a looping player does not end");
        var played = new List<short>();
        var frame = new short[160];
        for (int i = 0; i < 10; i++)
        {
            Assert.True(player.Read(frame, 8000));
            played.AddRange(frame);
        }

        for (int i = 0; i < played.Count; i++)
        {
            Assert.Equal(i % 250 + 1, played[i]);
        }

        Assert.False(player.Finished);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(48000)]
    public void Plays_at_the_rate_it_is_read_at(int rate)
    {
        using var player = new WavPlayer(WriteWav(Signals.Sine(1000, 16000, 16000), 16000));
        Assert.Equal(TimeSpan.FromSeconds(1), player.Duration);
        var played = new short[rate];
        int frame = rate / 50;
        for (int offset = 0; offset < played.Length; offset += frame)
        {
            Assert.False(player.Finished);
            Assert.True(player.Read(played.AsSpan(offset, frame), rate));
        }

        // 50 frames of 20 ms consume the one-second file exactly.
        Assert.True(player.Finished);
        double snr = Signals.SnrDb(played, 1000, rate, 16000, new Resampler(16000, rate).DelaySamples, rate / 10, rate * 9 / 10);
        output.WriteLine($"16 kHz file read at {rate} Hz: SNR {snr:F1} dB");
        Assert.True(snr > 70);
    }

    [Fact]
    public void An_empty_file_ends_at_the_first_read()
    {
        using var player = new WavPlayer(WriteWav([], 8000), loop: true);
        int ended = 0;
        player.Ended += () => ended++;

        Assert.False(player.Read(new short[160], 8000));
        Assert.True(player.Finished);
        Assert.Equal(1, ended);
    }

    [Fact]
    public void A_disposed_player_gives_silence_without_raising_ended()
    {
        var player = new WavPlayer(WriteWav(Ramp(1000), 8000));
        player.Ended += () => Assert.Fail("disposing is not ending");
        player.Dispose();

        var frame = new short[160];
        Assert.False(player.Read(frame, 8000));
        Assert.All(frame, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Files_longer_than_ten_minutes_are_refused()
    {
        string path = WriteWav(new short[1000 * 601], 1000);
        var error = Assert.Throws<VoipException>(() => new WavPlayer(path));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("10", error.Message);
    }
}
