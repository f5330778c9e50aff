namespace VoipCore.Media.Audio;

/// <summary>
/// A cadence of tone and silence segments, played once or repeated, with presets for the usual call progress
/// tones and for DTMF digits (ITU-T Q.23 frequencies).
/// </summary>
public sealed class TonePattern
{
    /// <summary>Per-tone level of DTMF digits: the pair peaks at 0.63 of full scale, leaving headroom.</summary>
    public const double DtmfLevelDbfs = -10;

    private static readonly double[] DtmfRows = [697, 770, 852, 941];
    private static readonly double[] DtmfColumns = [1209, 1336, 1477, 1633];
    private const string DtmfKeypad = "123A456B789C*0#D";

    private readonly ToneSegment[] _segments;
    private readonly IReadOnlyList<ToneSegment> _readOnlySegments;

    /// <summary>Creates a pattern; every segment needs a positive duration, frequencies in 0..20000 Hz and a
    /// level of at most 0 dBFS.</summary>
    public TonePattern(IEnumerable<ToneSegment> segments, bool loop)
    {
        _segments = [.. segments];
        if (_segments.Length == 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "a tone pattern needs at least one segment");
        }

        foreach (ToneSegment segment in _segments)
        {
            if (segment.DurationMs <= 0 || !InAudioRange(segment.Frequency1Hz) || !InAudioRange(segment.Frequency2Hz) || !(segment.LevelDbfs <= 0))
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"bad tone segment {segment}");
            }
        }

        _readOnlySegments = _segments.AsReadOnly();
        Loop = loop;
    }

    /// <summary>US ringback: 440 + 480 Hz, 2 s on, 4 s off.</summary>
    public static TonePattern RingbackUs { get; } = Cadence(440, 480, 2000, 4000);

    /// <summary>European (CEPT) ringback: 425 Hz, 1 s on, 4 s off.</summary>
    public static TonePattern RingbackEu { get; } = Cadence(425, 0, 1000, 4000);

    /// <summary>US busy: 480 + 620 Hz, 0.5 s on, 0.5 s off.</summary>
    public static TonePattern BusyUs { get; } = Cadence(480, 620, 500, 500);

    /// <summary>European busy: 425 Hz, 0.5 s on, 0.5 s off.</summary>
    public static TonePattern BusyEu { get; } = Cadence(425, 0, 500, 500);

    /// <summary>US call waiting: one 440 Hz burst of 0.3 s, repeated every 10 s.</summary>
    public static TonePattern CallWaitingUs { get; } = Cadence(440, 0, 300, 9700);

    /// <summary>European call waiting: 425 Hz, two 0.2 s bursts 0.2 s apart, repeated every 5 s.</summary>
    public static TonePattern CallWaitingEu { get; } = new(
        [ToneSegment.Tone(200, 425), ToneSegment.Silence(200), ToneSegment.Tone(200, 425), ToneSegment.Silence(4400)], loop: true);

    /// <summary>The segments in playing order.</summary>
    public IReadOnlyList<ToneSegment> Segments => _readOnlySegments;

    /// <summary>Whether the pattern starts over after its last segment.</summary>
    public bool Loop { get; }

    /// <summary>The segments without an interface call per sample block.</summary>
    internal ReadOnlySpan<ToneSegment> SegmentSpan => _segments;

    /// <summary>
    /// DTMF for <paramref name="digits"/> (0-9, *, #, A-D, case-insensitive), each a row + column pair of
    /// <paramref name="toneMs"/> followed by <paramref name="gapMs"/> of silence, played once.
    /// </summary>
    public static TonePattern Dtmf(string digits, int toneMs = 100, int gapMs = 50, double levelDbfs = DtmfLevelDbfs)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length == 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "no DTMF digits given");
        }

        var segments = new List<ToneSegment>(2 * digits.Length);
        foreach (char digit in digits)
        {
            (double row, double column) = DtmfFrequencies(digit);
            segments.Add(ToneSegment.Tone(toneMs, row, column, levelDbfs));
            segments.Add(ToneSegment.Silence(gapMs));
        }

        return new TonePattern(segments, loop: false);
    }

    /// <summary>The Q.23 row and column frequencies of a keypad digit.</summary>
    public static (double RowHz, double ColumnHz) DtmfFrequencies(char digit)
    {
        int key = DtmfKeypad.IndexOf(char.ToUpperInvariant(digit));
        if (key < 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"'{digit}' is not a DTMF digit");
        }

        return (DtmfRows[key / 4], DtmfColumns[key % 4]);
    }

    private static TonePattern Cadence(double frequency1, double frequency2, int onMs, int offMs) =>
        new([ToneSegment.Tone(onMs, frequency1, frequency2), ToneSegment.Silence(offMs)], loop: true);

    private static bool InAudioRange(double frequency) => frequency >= 0 && frequency <= 20000;
}
