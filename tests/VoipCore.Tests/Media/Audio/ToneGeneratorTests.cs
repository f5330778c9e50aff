using VoipCore.Media.Audio;

namespace VoipCore.Tests.Media.Audio;

public class ToneGeneratorTests
{
    private static readonly double[] AllDtmf = [697, 770, 852, 941, 1209, 1336, 1477, 1633];

    private static short[] Generate(IAudioSource source, int rate, int length, int frame)
    {
        var samples = new short[length];
        for (int offset = 0; offset < length; offset += frame)
        {
            source.Read(samples.AsSpan(offset, Math.Min(frame, length - offset)), rate);
        }

        return samples;
    }

    [Theory]
    [InlineData('1', 697, 1209)]
    [InlineData('2', 697, 1336)]
    [InlineData('3', 697, 1477)]
    [InlineData('A', 697, 1633)]
    [InlineData('4', 770, 1209)]
    [InlineData('5', 770, 1336)]
    [InlineData('6', 770, 1477)]
    [InlineData('B', 770, 1633)]
    [InlineData('7', 852, 1209)]
    [InlineData('8', 852, 1336)]
    [InlineData('9', 852, 1477)]
    [InlineData('C', 852, 1633)]
    [InlineData('*', 941, 1209)]
    [InlineData('0', 941, 1336)]
    [InlineData('#', 941, 1477)]
    [InlineData('d', 941, 1633)]
    public void Each_DTMF_digit_carries_its_row_and_column_frequencies(char digit, double row, double column)
    {
        var generator = ToneGenerator.Dtmf(digit.ToString());
        short[] samples = Generate(generator, 8000, 1200, 160);

        ReadOnlySpan<short> tone = samples.AsSpan(0, 800);
        double expected = Math.Pow(short.MaxValue * Math.Pow(10, -10 / 20.0), 2) / 4;
        foreach (double frequency in AllDtmf)
        {
            double power = Signals.GoertzelPower(tone, frequency, 8000);
            if (frequency == row || frequency == column)
            {
                Assert.InRange(10 * Math.Log10(power / expected), -1, 1);
            }
            else
            {
                Assert.True(10 * Math.Log10(power / expected) < -25, $"{frequency} Hz in digit {digit}");
            }
        }

        Assert.InRange(AudioMixer.LevelDbfs(tone), -7.1, -6.9);
        Assert.All(samples[800..], s => Assert.Equal(0, s));
        Assert.True(generator.Finished);
        Assert.False(generator.Read(new short[160], 8000));
    }

    [Fact]
    public void A_digit_string_plays_each_digit_in_its_own_150_ms_slot()
    {
        const string digits = "159#";
        var generator = ToneGenerator.Dtmf(digits);
        short[] samples = Generate(generator, 16000, digits.Length * 2400, 320);

        for (int i = 0; i < digits.Length; i++)
        {
            var (row, column) = TonePattern.DtmfFrequencies(digits[i]);
            ReadOnlySpan<short> tone = samples.AsSpan(i * 2400, 1600);
            foreach (double frequency in AllDtmf)
            {
                bool present = frequency == row || frequency == column;
                Assert.Equal(present, Signals.GoertzelPower(tone, frequency, 16000) > 1e6);
            }

            Assert.All(samples.AsSpan(i * 2400 + 1600, 800).ToArray(), s => Assert.Equal(0, s));
        }

        Assert.True(generator.Finished);
    }

    [Fact]
    public void US_ringback_sounds_2_s_in_every_6_s()
    {
        short[] samples = Generate(new ToneGenerator(TonePattern.RingbackUs), 8000, 12 * 8000 + 800, 160);

        foreach (int cycle in new[] { 0, 48000, 96000 })
        {
            // Each burst starts at phase zero, so its first sample is 0 and the next one is not.
            Assert.Equal(0, samples[cycle]);
            Assert.NotEqual(0, samples[cycle + 1]);
            int end = Math.Min(cycle + 16000, samples.Length);
            for (int block = cycle; block + 80 <= end; block += 80)
            {
                Assert.True(AudioMixer.Rms(samples.AsSpan(block, 80)) > 3000, $"quiet block at {block}");
            }

            if (cycle + 48000 <= samples.Length)
            {
                Assert.All(samples.AsSpan(cycle + 16000, 32000).ToArray(), s => Assert.Equal(0, s));
            }
        }

        double burst = Signals.GoertzelPower(samples.AsSpan(0, 16000), 440, 8000);
        Assert.True(burst > 1e6 && Signals.GoertzelPower(samples.AsSpan(0, 16000), 480, 8000) > 1e6);
        Assert.True(Signals.GoertzelPower(samples.AsSpan(0, 16000), 425, 8000) < burst / 1000);
    }

    [Fact]
    public void European_ringback_keeps_its_cadence_when_the_read_rate_changes()
    {
        var generator = new ToneGenerator(TonePattern.RingbackEu);
        short[] first = Generate(generator, 8000, 4000, 160);
        short[] second = Generate(generator, 16000, 16000, 320);

        Assert.True(AudioMixer.LevelDbfs(first) > -14);
        // 0.5 s were played at 8 kHz, so the 1 s burst ends 0.5 s (8000 samples) into the 16 kHz part.
        Assert.True(AudioMixer.LevelDbfs(second.AsSpan(7680, 320)) > -14);
        Assert.All(second[8000..], s => Assert.Equal(0, s));
        Assert.False(generator.Finished);
    }

    [Fact]
    public void Tones_are_phase_continuous_across_frames_of_any_size()
    {
        var pattern = new TonePattern([ToneSegment.Tone(1000, 440, 0, -6)], loop: false);
        short[] whole = Generate(new ToneGenerator(pattern), 48000, 48000, 48000);
        short[] framed = Generate(new ToneGenerator(pattern), 48000, 48000, 97);

        Assert.Equal(whole, framed);
        Assert.True(Signals.SnrDb(whole, 440, 48000, short.MaxValue * Math.Pow(10, -6 / 20.0), 0, 0, 48000) > 80);
    }

    [Fact]
    public void Bad_digits_and_segments_are_refused()
    {
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => ToneGenerator.Dtmf("12x")).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => ToneGenerator.Dtmf("")).Code);
        Assert.Throws<VoipException>(() => new TonePattern([ToneSegment.Silence(0)], loop: true));
        Assert.Throws<VoipException>(() => new TonePattern([ToneSegment.Tone(100, 440, 0, 3)], loop: false));
        Assert.Throws<VoipException>(() => new TonePattern([], loop: false));
    }
}
