using System.Numerics;

namespace VoipCore.Tests.Support;

/// <summary>
/// How well a received recording matches what was sent: the normalized cross-correlation at the best delay
/// (found with an FFT over all lags up to a bound). <see cref="Windowed"/> aligns each window on its own,
/// because an adaptive jitter buffer legitimately moves the delay by a frame now and then, which would halve a
/// single whole-signal figure without any audio being damaged.
/// </summary>
internal static class AudioCorrelation
{
    public readonly record struct Match(double Correlation, int DelaySamples);

    /// <summary>Per-window correlations, worst first: each window of the sent signal that holds sound, aligned within ±<paramref name="slack"/> of the overall delay.</summary>
    public static (double[] Scores, int DelaySamples) Windowed(ReadOnlySpan<short> sent, ReadOnlySpan<short> received, int maxDelaySamples, int window, int slack)
    {
        var overall = Best(sent, received, maxDelaySamples);
        var scores = new List<double>();
        for (int start = 0; start + window <= sent.Length; start += window)
        {
            var piece = sent.Slice(start, window);
            if (Energy(piece) < 1e6 * window)
            {
                continue;
            }
            int from = Math.Max(0, start + overall.DelaySamples - slack);
            int to = Math.Min(received.Length, start + overall.DelaySamples + window + slack);
            scores.Add(to - from < window ? 0 : Best(piece, received[from..to], 2 * slack).Correlation);
        }
        scores.Sort();
        return ([.. scores], overall.DelaySamples);
    }

    private static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short s in samples)
        {
            sum += (double)s * s;
        }
        return sum;
    }

    public static Match Best(ReadOnlySpan<short> sent, ReadOnlySpan<short> received, int maxDelaySamples)
    {
        int n = 1;
        while (n < sent.Length + received.Length)
        {
            n <<= 1;
        }
        var a = new Complex[n];
        var b = new Complex[n];
        for (int i = 0; i < sent.Length; i++)
        {
            a[i] = sent[i];
        }
        for (int i = 0; i < received.Length; i++)
        {
            b[i] = received[i];
        }
        Fft(a, false);
        Fft(b, false);
        for (int i = 0; i < n; i++)
        {
            b[i] *= Complex.Conjugate(a[i]);
        }
        Fft(b, true);
        int bestLag = 0;
        double best = double.MinValue;
        for (int lag = 0; lag <= Math.Min(maxDelaySamples, received.Length - 1); lag++)
        {
            if (b[lag].Real > best)
            {
                best = b[lag].Real;
                bestLag = lag;
            }
        }
        return new Match(Normalized(sent, received, bestLag), bestLag);
    }

    private static double Normalized(ReadOnlySpan<short> sent, ReadOnlySpan<short> received, int lag)
    {
        double dot = 0, energySent = 0, energyReceived = 0;
        for (int i = 0; i < sent.Length && i + lag < received.Length; i++)
        {
            double x = sent[i], y = received[i + lag];
            dot += x * y;
            energySent += x * x;
            energyReceived += y * y;
        }
        return energySent == 0 || energyReceived == 0 ? 0 : dot / Math.Sqrt(energySent * energyReceived);
    }

    private static void Fft(Complex[] data, bool inverse)
    {
        int n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }
            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            double angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            var unit = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (int start = 0; start < n; start += length)
            {
                var w = Complex.One;
                for (int k = 0; k < length / 2; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + length / 2] * w;
                    data[start + k] = even + odd;
                    data[start + k + length / 2] = even - odd;
                    w *= unit;
                }
            }
        }
        if (inverse)
        {
            for (int i = 0; i < n; i++)
            {
                data[i] /= n;
            }
        }
    }
}
