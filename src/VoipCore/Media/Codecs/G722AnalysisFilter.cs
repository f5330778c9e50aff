namespace VoipCore.Media.Codecs;

/// <summary>
/// The transmit QMF of G.722: splits 16 kHz audio into 8 kHz lower and higher sub-bands with the 24-tap
/// quadrature mirror filter, one pair of input samples per sub-band sample.
/// </summary>
internal sealed class G722AnalysisFilter
{
    private readonly int[] _history = new int[24]; // x(j), x(j-1), ..., x(j-23): newest first

    /// <summary>Takes the next two input samples (<paramref name="first"/> is the older) and yields xL and xH.</summary>
    public (int Low, int High) Split(short first, short second)
    {
        Array.Copy(_history, 0, _history, 2, _history.Length - 2);
        _history[1] = first;
        _history[0] = second;
        var coefficients = G722Tables.Qmf;
        // xA sums the even taps (over x(j-2i)), xB the odd ones (over x(j-2i-1)).
        int even = 0, odd = 0;
        for (var i = 0; i < _history.Length; i += 2)
        {
            even += coefficients[i] * _history[i];
            odd += coefficients[i + 1] * _history[i + 1];
        }
        // The coefficients are in Q13 and the standard's 14-bit input is carried here as 16-bit PCM,
        // hence 14 bits of shift to land the sub-bands in the ADPCM's 15-bit range.
        return ((even + odd) >> 14, (even - odd) >> 14);
    }
}
