using VoipCore.Media.Audio;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Audio;

public class ResamplerTests(ITestOutputHelper output)
{
    private const double Amplitude = 16000;

    /// <summary>One second of 1 kHz sine through the chain; the SNR is measured on the settled middle part.</summary>
    private double MeasureSnr(params int[] rates)
    {
        short[] signal = Signals.Sine(1000, rates[0], rates[0]);
        double delay = 0;
        for (int i = 1; i < rates.Length; i++)
        {
            var resampler = new Resampler(rates[i - 1], rates[i]);
            signal = Signals.ResampleInFrames(resampler, signal);
            delay = delay * rates[i] / rates[i - 1] + resampler.DelaySamples;
        }

        int rate = rates[^1];
        Assert.Equal(rate, signal.Length);
        double snr = Signals.SnrDb(signal, 1000, rate, Amplitude, delay, rate / 10, rate * 9 / 10);
        output.WriteLine($"{string.Join(" -> ", rates)}: SNR {snr:F1} dB, delay {delay:F2} samples");
        return snr;
    }

    [Theory]
    [InlineData(8000, 48000, 8000)]
    [InlineData(8000, 16000)]
    [InlineData(16000, 48000)]
    [InlineData(48000, 16000)]
    [InlineData(48000, 8000)]
    [InlineData(44100, 48000)]
    [InlineData(11025, 8000)]
    [InlineData(22050, 16000)]
    [InlineData(8000, 44100)]
    public void A_1kHz_sine_keeps_its_quality(params int[] rates)
    {
        Assert.True(MeasureSnr(rates) > 70);
    }

    [Theory]
    [InlineData(4200)]
    [InlineData(6000)]
    [InlineData(10000)]
    [InlineData(20000)]
    public void Tones_above_the_output_Nyquist_do_not_alias(double frequency)
    {
        short[] tone = Signals.Sine(frequency, 48000, 48000, Amplitude);
        short[] result = Signals.ResampleInFrames(new Resampler(48000, 8000), tone);

        // -Infinity means every settled output sample rounded to 0 (the residue is under half an LSB, about -90 dB).
        double attenuation = 20 * Math.Log10(Signals.Rms(result.AsSpan(800, 6400)) / Signals.Rms(tone));
        output.WriteLine($"{frequency} Hz at 48k -> 8k: {attenuation:F1} dB");
        Assert.True(attenuation < -70, $"{attenuation:F1} dB");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(3000)]
    [InlineData(3600)]
    public void Passband_is_flat_to_nine_tenths_of_Nyquist(double frequency)
    {
        short[] tone = Signals.Sine(frequency, 48000, 48000, Amplitude);
        short[] result = Signals.ResampleInFrames(new Resampler(48000, 8000), tone);

        double gain = 20 * Math.Log10(Signals.Rms(result.AsSpan(800, 6400)) / Signals.Rms(tone.AsSpan(4800, 38400)));
        output.WriteLine($"{frequency} Hz at 48k -> 8k: gain {gain:F4} dB");
        Assert.InRange(gain, -0.01, 0.01);
    }

    [Fact]
    public void Upsampling_images_are_removed()
    {
        // A 3 kHz tone at 8 kHz upsampled to 48 kHz has images at 5, 11, 13 ... kHz unless filtered.
        short[] result = Signals.ResampleInFrames(new Resampler(8000, 48000), Signals.Sine(3000, 8000, 8000, Amplitude));
        ReadOnlySpan<short> settled = result.AsSpan(4800, 38400);

        double tone = Signals.GoertzelPower(settled, 3000, 48000);
        foreach (double image in new double[] { 5000, 11000, 13000, 19000, 21000 })
        {
            Assert.True(10 * Math.Log10(Signals.GoertzelPower(settled, image, 48000) / tone) < -70, $"image at {image} Hz");
        }
    }

    [Theory]
    [InlineData(8000, 48000, 160)]
    [InlineData(48000, 8000, 960)]
    [InlineData(44100, 48000, 441)]
    [InlineData(11025, 16000, 220)]
    [InlineData(16000, 11025, 333)]
    public void Frame_by_frame_equals_one_shot(int from, int to, int frame)
    {
        short[] input = Signals.Sine(700, from, from / 2, Amplitude);
        for (int i = 0; i < input.Length; i += 97)
        {
            input[i] = (short)(input[i] / 2 + i % 3000);
        }

        var oneShot = new short[Resampler.OutputLength(input.Length, from, to)];
        int total = new Resampler(from, to).Process(input, oneShot);

        var framed = new Resampler(from, to);
        var pieces = new List<short>();
        var buffer = new short[Resampler.OutputLength(frame, from, to)];
        for (int offset = 0; offset < input.Length; offset += frame)
        {
            int length = Math.Min(frame, input.Length - offset);
            int written = framed.Process(input.AsSpan(offset, length), buffer);
            Assert.InRange(written, (long)length * to / from - 1, Resampler.OutputLength(length, from, to));
            pieces.AddRange(buffer.AsSpan(0, written));
        }

        Assert.Equal(oneShot.AsSpan(0, total).ToArray(), pieces.ToArray());
        Assert.InRange(total, (long)input.Length * to / from - 1, (long)input.Length * to / from + 1);
    }

    [Fact]
    public void Twenty_ms_frames_give_twenty_ms_exactly()
    {
        int[] rates = [8000, 16000, 32000, 44100, 48000];
        foreach (int from in rates)
        {
            foreach (int to in rates)
            {
                var resampler = new Resampler(from, to);
                var frame = new short[from / 50];
                var outputFrame = new short[to / 50];
                for (int i = 0; i < 5; i++)
                {
                    Assert.Equal(to / 50, resampler.Process(frame, outputFrame));
                }
            }
        }
    }

    [Fact]
    public void Input_needed_yields_at_least_the_asked_output()
    {
        var resampler = new Resampler(11025, 48000);
        var input = new short[2000];
        var outputBuffer = new short[Resampler.OutputLength(input.Length, 11025, 48000)];
        for (int asked = 1; asked < 1000; asked += 37)
        {
            int needed = resampler.InputNeeded(asked);
            int produced = resampler.Process(input.AsSpan(0, needed), outputBuffer);
            Assert.InRange(produced, asked, asked + 48000 / 11025 + 1);
        }
    }

    [Fact]
    public void Equal_rates_copy()
    {
        var resampler = new Resampler(16000, 16000);
        short[] input = Signals.Sine(1000, 16000, 320);
        var result = new short[320];

        Assert.Equal(320, resampler.Process(input, result));
        Assert.Equal(input, result);
        Assert.Equal(0, resampler.DelaySamples);
    }

    [Fact]
    public void Bad_rates_and_small_outputs_are_refused()
    {
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => new Resampler(0, 8000)).Code);
        Assert.Equal(ErrorCode.Unsupported, Assert.Throws<VoipException>(() => new Resampler(48000, 47999)).Code);
        var resampler = new Resampler(8000, 16000);
        Assert.Equal(ErrorCode.InvalidArgument,
            Assert.Throws<VoipException>(() => resampler.Process(new short[160], new short[300])).Code);
    }

    [Fact]
    public void Full_scale_input_saturates_instead_of_wrapping()
    {
        // A full-scale square wave overshoots (Gibbs) after low-pass filtering; the peaks must clip, not wrap.
        var square = new short[8000];
        for (int i = 0; i < square.Length; i++)
        {
            square[i] = (i / 20) % 2 == 0 ? short.MaxValue : short.MinValue;
        }

        var resampler = new Resampler(8000, 48000);
        short[] result = Signals.ResampleInFrames(resampler, square);

        // A quarter period after each (delayed) rising edge the output must be near the positive rail.
        int high = 0;
        for (int i = (int)resampler.DelaySamples + 2400 + 60; i < result.Length; i += 240)
        {
            Assert.True(result[i] > 20000, $"sample {i} = {result[i]}");
            high++;
        }

        Assert.True(high > 150);
        Assert.Contains(short.MaxValue, result);

        // A wrapped overshoot would show as a jump of more than half the range between neighbours.
        int largestStep = 0;
        for (int i = 1; i < result.Length; i++)
        {
            largestStep = Math.Max(largestStep, Math.Abs(result[i] - result[i - 1]));
        }

        Assert.True(largestStep < 32768, $"largest step {largestStep}");
    }
}
