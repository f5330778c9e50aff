namespace VoipCore.Media.Audio;

/// <summary>
/// One step of a <see cref="TonePattern"/>: up to two sine frequencies (0 = unused) sounding for
/// <see cref="DurationMs"/>, each at <see cref="LevelDbfs"/> (a full-scale sine is 0 dBFS); silence when both are 0.
/// </summary>
public readonly record struct ToneSegment(int DurationMs, double Frequency1Hz, double Frequency2Hz, double LevelDbfs)
{
    /// <summary>Level of call progress tones per frequency: two of them peak at 0.45 of full scale.</summary>
    public const double DefaultLevelDbfs = -13;

    /// <summary>True when nothing sounds during this segment.</summary>
    public bool IsSilence => Frequency1Hz == 0 && Frequency2Hz == 0;

    /// <summary>A tone of one or two frequencies.</summary>
    public static ToneSegment Tone(int durationMs, double frequency1Hz, double frequency2Hz = 0, double levelDbfs = DefaultLevelDbfs) =>
        new(durationMs, frequency1Hz, frequency2Hz, levelDbfs);

    /// <summary>A pause.</summary>
    public static ToneSegment Silence(int durationMs) => new(durationMs, 0, 0, DefaultLevelDbfs);
}
