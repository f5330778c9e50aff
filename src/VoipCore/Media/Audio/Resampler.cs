using System.Numerics;
using System.Runtime.InteropServices;

namespace VoipCore.Media.Audio;

/// <summary>
/// Converts one mono 16-bit stream from <see cref="FromRate"/> to <see cref="ToRate"/>, keeping the filter state
/// between calls so a stream processed frame by frame equals the same stream processed in one call.
/// </summary>
/// <remarks>
/// Any rational ratio is done by a polyphase windowed-sinc filter (Kaiser window): up by L, low-pass, down by M,
/// with only the needed phases computed. The passband is flat to 0.9 times the lower Nyquist frequency and the
/// stopband (from that Nyquist frequency) is attenuated by at least 70 dB. Equal rates copy.
/// The number of output samples of one call is the count whose input instants fall inside the samples seen so
/// far, so for a non-integer ratio (e.g. 11025 Hz input in 220-sample blocks) it varies by one from call to call
/// while the long-run total stays exact; 20 ms frames between 8000, 16000, 32000, 44100 and 48000 Hz always give
/// exactly 20 ms. Processing allocates nothing: the tables and the history are built by the constructor.
/// One instance is one stream and is not thread-safe.
/// </remarks>
public sealed class Resampler
{
    /// <summary>Lowest and highest rate accepted; beyond them no codec or WAV file of interest lives.</summary>
    public const int MinRate = 1000, MaxRate = 384000;

    /// <summary>Caps the table (4 MB of floats) so an odd ratio such as 8000 -> 7999 Hz is refused, not built.</summary>
    private const int MaxCoefficients = 1 << 20;

    /// <summary>Input converted to float per block; bounds the history array whatever length a caller passes.</summary>
    private const int BlockLength = 1024;

    private readonly int _up;
    private readonly int _down;
    private readonly int _taps;
    private readonly float[] _rows;
    private readonly float[] _history;

    // Index, relative to the next block of input, of the newest input sample the next output needs, and the
    // filter phase of that output; together they are the fractional input position of the next output.
    private int _inputIndex;
    private int _phase;

    /// <summary>Creates a resampler; throws <see cref="ErrorCode.InvalidArgument"/> for rates outside
    /// [<see cref="MinRate"/>, <see cref="MaxRate"/>] and <see cref="ErrorCode.Unsupported"/> for ratios whose
    /// reduced form needs a table larger than 2^20 coefficients.</summary>
    public Resampler(int fromRate, int toRate)
    {
        CheckRate(fromRate);
        CheckRate(toRate);
        FromRate = fromRate;
        ToRate = toRate;
        if (fromRate == toRate)
        {
            _up = _down = _taps = 1;
            _rows = [1f];
            _history = [];
            return;
        }

        int divisor = GreatestCommonDivisor(fromRate, toRate);
        _up = toRate / divisor;
        _down = fromRate / divisor;
        _rows = KaiserPolyphase.Design(fromRate, toRate, _up, _down, MaxCoefficients, out _taps);
        _history = new float[_taps - 1 + BlockLength];
        DelaySamples = KaiserPolyphase.Center(_up, _taps) / _down;
    }

    /// <summary>Input rate in Hz.</summary>
    public int FromRate { get; }

    /// <summary>Output rate in Hz.</summary>
    public int ToRate { get; }

    /// <summary>
    /// How far the output lags the input, in output samples (fractional): output sample n carries the input
    /// signal at output instant n - DelaySamples. 0 for equal rates.
    /// </summary>
    public double DelaySamples { get; }

    /// <summary>
    /// An upper bound of what one <see cref="Process"/> call makes of <paramref name="inputLength"/> samples,
    /// whatever the resampler's state: ceil(inputLength * toRate / fromRate).
    /// </summary>
    public static int OutputLength(int inputLength, int fromRate, int toRate)
    {
        if (inputLength < 0 || fromRate <= 0 || toRate <= 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "input length and rates must be positive");
        }

        return (int)(((long)inputLength * toRate + fromRate - 1) / fromRate);
    }

    /// <summary>
    /// The number of input samples after which <see cref="Process"/> will have produced at least
    /// <paramref name="outputCount"/> samples from this state; a caller filling fixed frames passes exactly this
    /// many and keeps any surplus output (fewer than ToRate / FromRate + 1 samples) for the next frame.
    /// </summary>
    public int InputNeeded(int outputCount)
    {
        if (outputCount <= 0)
        {
            return 0;
        }

        if (_history.Length == 0)
        {
            return outputCount;
        }

        return (int)(_inputIndex + (_phase + (long)(outputCount - 1) * _down) / _up + 1);
    }

    /// <summary>
    /// Consumes all of <paramref name="input"/> and writes the output it completes; returns the number written.
    /// <paramref name="output"/> must hold <see cref="OutputLength"/>(input.Length, FromRate, ToRate) samples
    /// (fewer may do; exactly the produced count is checked) or <see cref="ErrorCode.InvalidArgument"/> is thrown.
    /// </summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        int produced = OutputCount(input.Length);
        if (output.Length < produced)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"resampler output holds {output.Length} samples, {produced} are produced");
        }

        if (_history.Length == 0)
        {
            input.CopyTo(output);
            return input.Length;
        }

        int written = 0;
        while (!input.IsEmpty)
        {
            int length = Math.Min(input.Length, BlockLength);
            Span<float> block = _history.AsSpan(_taps - 1, length);
            for (int i = 0; i < length; i++)
            {
                block[i] = input[i];
            }

            written += FilterBlock(length, output[written..]);
            _history.AsSpan(length, _taps - 1).CopyTo(_history);
            input = input[length..];
        }

        return written;
    }

    /// <summary>Exact number of outputs whose newest input sample lies within the next <paramref name="inputLength"/>.</summary>
    private int OutputCount(int inputLength)
    {
        if (_history.Length == 0)
        {
            return inputLength;
        }

        long span = (long)(inputLength - _inputIndex) * _up - _phase;
        return span <= 0 ? 0 : (int)((span + _down - 1) / _down);
    }

    /// <summary>
    /// Computes every output whose newest input sample is in the block just copied after the history.
    /// History index i holds the input sample i - (taps - 1) relative to the block, so the taps samples ending
    /// at block sample j start at history index j.
    /// </summary>
    private int FilterBlock(int length, Span<short> output)
    {
        int written = 0;
        int index = _inputIndex;
        int phase = _phase;
        while (index < length)
        {
            float value = Dot(_rows.AsSpan(phase * _taps, _taps), _history.AsSpan(index, _taps));
            output[written++] = Saturate(value);
            phase += _down;
            index += phase / _up;
            phase %= _up;
        }

        _inputIndex = index - length;
        _phase = phase;
        return written;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a);
        ReadOnlySpan<Vector<float>> vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        Vector<float> accumulator = Vector<float>.Zero;
        for (int i = 0; i < va.Length; i++)
        {
            accumulator += va[i] * vb[i];
        }

        float sum = Vector.Sum(accumulator);
        for (int i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static short Saturate(float value) => (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);

    private static void CheckRate(int rate)
    {
        if (rate < MinRate || rate > MaxRate)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"sample rate {rate} Hz is outside {MinRate}..{MaxRate} Hz");
        }
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
