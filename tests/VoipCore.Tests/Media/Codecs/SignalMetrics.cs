namespace VoipCore.Tests.Media.Codecs;

/// <summary>Quality measures of a coded signal against its original, after finding the codec's delay.</summary>
internal static class SignalMetrics
{
    /// <summary>The delay (in samples, 0..maxLag) at which <paramref name="output"/> best matches <paramref name="input"/>.</summary>
    public static int FindDelay(ReadOnlySpan<short> input, ReadOnlySpan<short> output, int maxLag)
    {
        var bestLag = 0;
        var best = double.NegativeInfinity;
        for (var lag = 0; lag <= maxLag; lag++)
        {
            var correlation = Correlation(input, output, lag);
            if (correlation > best)
            {
                best = correlation;
                bestLag = lag;
            }
        }
        return bestLag;
    }

    /// <summary>Pearson correlation of input[i] with output[i + lag].</summary>
    public static double Correlation(ReadOnlySpan<short> input, ReadOnlySpan<short> output, int lag)
    {
        var n = Math.Min(input.Length, output.Length - lag);
        double sumX = 0, sumY = 0, sumXx = 0, sumYy = 0, sumXy = 0;
        for (var i = 0; i < n; i++)
        {
            double x = input[i], y = output[i + lag];
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumYy += y * y;
            sumXy += x * y;
        }
        var covariance = sumXy - sumX * sumY / n;
        var variance = Math.Sqrt((sumXx - sumX * sumX / n) * (sumYy - sumY * sumY / n));
        return variance == 0 ? 0 : covariance / variance;
    }

    /// <summary>Signal-to-noise ratio in dB of output[i + lag] against input[i], from sample <paramref name="skip"/> on.</summary>
    public static double SnrDb(ReadOnlySpan<short> input, ReadOnlySpan<short> output, int lag, int skip)
    {
        double signal = 0, noise = 0;
        var n = Math.Min(input.Length, output.Length - lag);
        for (var i = skip; i < n; i++)
        {
            double x = input[i], error = output[i + lag] - x;
            signal += x * x;
            noise += error * error;
        }
        return 10 * Math.Log10(signal / Math.Max(noise, 1e-9));
    }
}
