namespace VoipCore.Media.Audio;

/// <summary>
/// Sample-level helpers for 16-bit PCM frames: saturating mix, attenuation, silence and level measurement.
/// Levels are in dBFS with a full-scale sine as 0 dBFS (AES17), so a tone generated at -10 dBFS measures -10.
/// </summary>
public static class AudioMixer
{
    /// <summary>RMS of a full-scale sine (32767 peak); the 0 dBFS reference.</summary>
    private const double FullScaleSineRms = short.MaxValue / 1.4142135623730951;

    /// <summary>Adds <paramref name="source"/> into <paramref name="into"/>, clipping at the 16-bit limits;
    /// the spans must have the same length.</summary>
    public static void Mix(ReadOnlySpan<short> source, Span<short> into)
    {
        CheckSameLength(source.Length, into.Length);
        for (int i = 0; i < into.Length; i++)
        {
            into[i] = Saturate(into[i] + source[i]);
        }
    }

    /// <summary>Lowers the level of <paramref name="samples"/> by <paramref name="decibels"/> (0 or more) dB.</summary>
    public static void Attenuate(Span<short> samples, double decibels)
    {
        if (!(decibels >= 0))
        {
            throw new VoipException(ErrorCode.InvalidArgument, "attenuation must be 0 dB or more");
        }

        // Q15 fixed point: a gain of 1.0 is 32768, so 0 dB leaves samples untouched.
        int gain = (int)Math.Round(Math.Pow(10, -decibels / 20) * 32768);
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)((samples[i] * gain + 16384) >> 15);
        }
    }

    /// <summary>Sets every sample to zero.</summary>
    public static void Silence(Span<short> samples) => samples.Clear();

    /// <summary>Sum of squared samples.</summary>
    public static long Energy(ReadOnlySpan<short> samples)
    {
        long sum = 0;
        foreach (short sample in samples)
        {
            sum += sample * sample;
        }

        return sum;
    }

    /// <summary>Root mean square in sample units (0 for an empty span).</summary>
    public static double Rms(ReadOnlySpan<short> samples) =>
        samples.IsEmpty ? 0 : Math.Sqrt((double)Energy(samples) / samples.Length);

    /// <summary>RMS level in dBFS (full-scale sine = 0); negative infinity for digital silence.</summary>
    public static double LevelDbfs(ReadOnlySpan<short> samples) => 20 * Math.Log10(Rms(samples) / FullScaleSineRms);

    internal static short Saturate(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);

    private static void CheckSameLength(int source, int into)
    {
        if (source != into)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"cannot mix {source} samples into {into}");
        }
    }
}
