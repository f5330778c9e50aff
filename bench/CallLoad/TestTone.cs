using VoipCore.Media.Audio;

namespace VoipCore.Bench.CallLoad;

/// <summary>
/// The audio the callers play: 2 s of 8 kHz mono, a 440 Hz tone under noise, so G.711 encodes varied samples
/// rather than the constant code of silence. Seeded, so every run sends the same audio.
/// </summary>
internal static class TestTone
{
    private const int SampleRate = 8000;
    private const int Seconds = 2;

    public static string Write(string directory)
    {
        string path = Path.Combine(directory, $"callload-{Environment.ProcessId}.wav");
        var random = new Random(7);
        var samples = new short[SampleRate * Seconds];
        for (int i = 0; i < samples.Length; i++)
        {
            double tone = 8000 * Math.Sin(2 * Math.PI * 440 * i / SampleRate);
            samples[i] = (short)(tone + random.Next(-1500, 1500));
        }
        using var writer = new WavWriter(path, SampleRate);
        writer.Write(samples);
        return path;
    }
}
