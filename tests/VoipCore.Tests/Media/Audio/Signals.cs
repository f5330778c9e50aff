using VoipCore.Media.Audio;

namespace VoipCore.Tests.Media.Audio;

/// <summary>Test signal generation and measurement: sines, SNR against a delayed ideal sine, Goertzel power.</summary>
internal static class Signals
{
    public static short[] Sine(double frequency, int rate, int length, double amplitude = 16000)
    {
        var samples = new short[length];
        for (int n = 0; n < length; n++)
        {
            samples[n] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * n / rate));
        }

        return samples;
    }

    /// <summary>
    /// SNR in dB of <paramref name="output"/>[from..to) against the ideal sine it should carry: the input sine
    /// delayed by <paramref name="delay"/> output samples. Everything not that sine (noise, distortion, ripple,
    /// a wrong delay or gain) counts as noise.
    /// </summary>
    public static double SnrDb(ReadOnlySpan<short> output, double frequency, int rate, double amplitude, double delay, int from, int to)
    {
        double signal = 0, noise = 0;
        for (int n = from; n < to; n++)
        {
            double ideal = amplitude * Math.Sin(2 * Math.PI * frequency * (n - delay) / rate);
            signal += ideal * ideal;
            noise += (output[n] - ideal) * (output[n] - ideal);
        }

        return 10 * Math.Log10(signal / noise);
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Power of one frequency over the block (Goertzel), normalised so a sine of amplitude A gives about A^2/4.</summary>
    public static double GoertzelPower(ReadOnlySpan<short> samples, double frequency, int rate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / rate);
        double s1 = 0, s2 = 0;
        foreach (short x in samples)
        {
            double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }

        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return power / ((double)samples.Length * samples.Length);
    }

    /// <summary>Runs <paramref name="input"/> through <paramref name="resampler"/> in 20 ms frames.</summary>
    public static short[] ResampleInFrames(Resampler resampler, short[] input)
    {
        int frame = resampler.FromRate / 50;
        var output = new List<short>();
        var buffer = new short[Resampler.OutputLength(frame, resampler.FromRate, resampler.ToRate)];
        for (int offset = 0; offset < input.Length; offset += frame)
        {
            int written = resampler.Process(input.AsSpan(offset, Math.Min(frame, input.Length - offset)), buffer);
            output.AddRange(buffer.AsSpan(0, written));
        }

        return [.. output];
    }
}
