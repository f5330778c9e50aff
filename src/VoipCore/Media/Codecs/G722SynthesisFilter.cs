namespace VoipCore.Media.Codecs;

/// <summary>
/// The receive QMF of G.722: merges the reconstructed 8 kHz sub-bands (rL, rH) back into 16 kHz audio,
/// two output samples per sub-band sample.
/// </summary>
internal sealed class G722SynthesisFilter
{
    private const int Taps = 12;

    private readonly int[] _differences = new int[Taps]; // xd = rL - rH, newest first
    private readonly int[] _sums = new int[Taps]; // xs = rL + rH, newest first

    /// <summary>Takes one pair of sub-band samples and yields the next two output samples, older first.</summary>
    public (short First, short Second) Merge(int low, int high)
    {
        Array.Copy(_differences, 0, _differences, 1, Taps - 1);
        Array.Copy(_sums, 0, _sums, 1, Taps - 1);
        _differences[0] = low - high;
        _sums[0] = low + high;
        var coefficients = G722Tables.Qmf;
        int first = 0, second = 0;
        for (var i = 0; i < Taps; i++)
        {
            first += coefficients[2 * i] * _differences[i];
            second += coefficients[2 * i + 1] * _sums[i];
        }
        // Q13 coefficients, the standard's factor 2 of interpolation, and 16-bit output: 11 bits of shift.
        return ((short)G722AdaptivePredictor.Saturate(first >> 11), (short)G722AdaptivePredictor.Saturate(second >> 11));
    }
}
