namespace VoipCore.Tests.Media.Codecs;

/// <summary>Deterministic test signals: tones, sweeps, noise and a speech-like voiced signal.</summary>
internal static class TestSignals
{
    public static short[] Sine(int rate, double frequency, double amplitude, double seconds)
    {
        var samples = new short[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }
        return samples;
    }

    /// <summary>A linear sweep from <paramref name="from"/> to <paramref name="to"/> Hz.</summary>
    public static short[] Chirp(int rate, double from, double to, double amplitude, double seconds)
    {
        var samples = new short[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / rate;
            var phase = 2 * Math.PI * (from * t + (to - from) * t * t / (2 * seconds));
            samples[i] = (short)Math.Round(amplitude * Math.Sin(phase));
        }
        return samples;
    }

    public static short[] Noise(int rate, double amplitude, double seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * (2 * random.NextDouble() - 1));
        }
        return samples;
    }

    /// <summary>
    /// Voiced "speech": a harmonic series on a gliding 110–190 Hz pitch, shaped by three formant-like peaks,
    /// amplitude-modulated at a 4 Hz syllable rate with short pauses, plus a little breath noise.
    /// </summary>
    public static short[] SpeechLike(int rate, double seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(rate * seconds)];
        var phase = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / rate;
            var pitch = 150 + 40 * Math.Sin(2 * Math.PI * 0.7 * t);
            phase += 2 * Math.PI * pitch / rate;
            double voiced = 0;
            for (var harmonic = 1; harmonic * pitch < Math.Min(rate / 2.0, 4000); harmonic++)
            {
                var f = harmonic * pitch;
                var weight = Formant(f, 700, 130) + 0.6 * Formant(f, 1200, 150) + 0.3 * Formant(f, 2600, 250);
                voiced += weight * Math.Sin(harmonic * phase);
            }
            var syllable = Math.Max(0, Math.Sin(2 * Math.PI * 4 * t));
            var breath = 0.02 * (2 * random.NextDouble() - 1);
            samples[i] = (short)Math.Round(8000 * (syllable * voiced / 2 + breath));
        }
        return samples;
    }

    public static short[] Concat(params short[][] parts)
    {
        var all = new List<short>();
        foreach (var part in parts)
        {
            all.AddRange(part);
        }
        return [.. all];
    }

    private static double Formant(double frequency, double centre, double width) =>
        1 / (1 + Math.Pow((frequency - centre) / width, 2));
}
