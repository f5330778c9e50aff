namespace VoipCore.Media.Audio;

/// <summary>
/// Designs the low-pass prototype of a polyphase resampler (windowed sinc, Kaiser window) and splits it into
/// one coefficient row per phase, laid out so each row runs over ascending history with a plain dot product.
/// </summary>
internal static class KaiserPolyphase
{
    /// <summary>Designed stopband attenuation; 10 dB above the 70 dB target to absorb the Kaiser length estimate's error.</summary>
    private const double StopbandDb = 80;

    /// <summary>Passband edge as a fraction of the lower Nyquist frequency; the stopband starts at that Nyquist.</summary>
    private const double PassbandEdge = 0.9;

    /// <summary>
    /// Coefficients for upsampling by <paramref name="up"/> then downsampling by <paramref name="down"/>;
    /// row p (phase p) is at [p * taps, (p + 1) * taps), reversed so index taps-1 multiplies the newest sample.
    /// </summary>
    public static float[] Design(int fromRate, int toRate, int up, int down, int maxCoefficients, out int taps)
    {
        double prototypeRate = (double)up * fromRate;
        double nyquist = Math.Min(fromRate, toRate) / 2.0;
        double transition = (1 - PassbandEdge) * nyquist / prototypeRate;
        double cutoff = (1 + PassbandEdge) / 2 * nyquist / prototypeRate;

        // Kaiser's length estimate for the attenuation and transition width.
        int estimate = (int)Math.Ceiling((StopbandDb - 7.95) / (14.36 * transition)) + 1;
        taps = (estimate + up - 1) / up;
        long length = (long)taps * up;
        if (length > maxCoefficients)
        {
            throw new VoipException(ErrorCode.Unsupported,
                $"resampling {fromRate} -> {toRate} Hz needs {length} filter coefficients; at most {maxCoefficients} are supported");
        }

        double center = (length - 1) / 2.0;
        double beta = 0.1102 * (StopbandDb - 8.7);
        double windowScale = 1 / BesselI0(beta);
        var prototype = new double[length];
        double sum = 0;
        for (int k = 0; k < length; k++)
        {
            double t = k - center;
            double sinc = t == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double x = t / center;
            double window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - x * x))) * windowScale;
            prototype[k] = sinc * window;
            sum += prototype[k];
        }

        // Zero-stuffing by `up` divides the signal's level by `up`; the gain of `up` (each phase summing to ~1)
        // restores it, and normalising the sum makes DC gain exact.
        double gain = up / sum;
        var rows = new float[length];
        for (int phase = 0; phase < up; phase++)
        {
            for (int m = 0; m < taps; m++)
            {
                rows[phase * taps + taps - 1 - m] = (float)(prototype[phase + (long)up * m] * gain);
            }
        }

        return rows;
    }

    /// <summary>Group delay of the prototype, in samples at the prototype rate (up * fromRate).</summary>
    public static double Center(int up, int taps) => ((long)up * taps - 1) / 2.0;

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta &lt; 20).</summary>
    private static double BesselI0(double x)
    {
        double half = x / 2;
        double term = 1;
        double sum = 1;
        for (int k = 1; term > sum * 1e-17; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }

        return sum;
    }
}
