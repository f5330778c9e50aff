using System.Numerics;
using VoipCore.Media.Audio;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Audio;

public class KaiserPolyphaseTests(ITestOutputHelper output)
{
    /// <summary>
    /// The designed prototype's own frequency response (rebuilt from the phase rows), so the figures do not
    /// depend on 16-bit rounding: ripple up to 0.9 x the lower Nyquist, attenuation from that Nyquist upwards.
    /// </summary>
    [Theory]
    [InlineData(8000, 48000)]
    [InlineData(48000, 8000)]
    [InlineData(16000, 48000)]
    [InlineData(44100, 48000)]
    [InlineData(11025, 8000)]
    public void Prototype_meets_the_passband_and_stopband_targets(int from, int to)
    {
        int divisor = (int)BigInteger.GreatestCommonDivisor(from, to);
        int up = to / divisor, down = from / divisor;
        float[] rows = KaiserPolyphase.Design(from, to, up, down, 1 << 20, out int taps);
        var prototype = new double[rows.Length];
        for (int phase = 0; phase < up; phase++)
        {
            for (int m = 0; m < taps; m++)
            {
                prototype[phase + up * m] = rows[phase * taps + taps - 1 - m];
            }
        }

        double prototypeRate = (double)up * from;
        double nyquist = Math.Min(from, to) / 2.0;
        double worstRipple = 0, worstStop = double.NegativeInfinity;
        for (int i = 0; i <= 60; i++)
        {
            worstRipple = Math.Max(worstRipple, Math.Abs(GainDb(prototype, up, 0.9 * nyquist * i / 60 / prototypeRate)));
        }

        double top = Math.Min(prototypeRate / 2, 4 * Math.Max(from, to));
        for (int i = 0; i <= 300; i++)
        {
            double frequency = nyquist + (top - nyquist) * i / 300;
            worstStop = Math.Max(worstStop, GainDb(prototype, up, frequency / prototypeRate));
        }

        output.WriteLine($"{from} -> {to}: {taps} taps/phase x {up} phases, passband ripple {worstRipple:F5} dB, stopband {worstStop:F1} dB");
        Assert.True(worstRipple < 0.01, $"ripple {worstRipple} dB");
        Assert.True(worstStop < -70, $"stopband {worstStop} dB");
    }

    private static double GainDb(double[] prototype, int up, double normalizedFrequency)
    {
        var sum = Complex.Zero;
        var turn = Complex.FromPolarCoordinates(1, -2 * Math.PI * normalizedFrequency);
        var phasor = Complex.One;
        foreach (double coefficient in prototype)
        {
            sum += coefficient * phasor;
            phasor *= turn;
        }

        return 20 * Math.Log10(sum.Magnitude / up);
    }
}
