namespace VoipCore.Media.Audio;

/// <summary>The tone names hosts use (vc_call_play_tone): the presets of <see cref="TonePattern"/>, and "dtmf:DIGITS".</summary>
public static class ToneNames
{
    public const string Known = "ringback, ringback_eu, busy, busy_eu, call_waiting, call_waiting_eu or dtmf:DIGITS";

    /// <summary>The pattern a name stands for, looped or played once; throws InvalidArgument for an unknown name.</summary>
    public static TonePattern Pattern(string name, bool loop)
    {
        if (name.StartsWith("dtmf:", StringComparison.OrdinalIgnoreCase))
        {
            string digits = name["dtmf:".Length..];
            if (digits.Length == 0 || !digits.All(c => c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D') or (>= 'a' and <= 'd')))
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"'{name}': dtmf: needs digits 0-9, *, #, A-D");
            }
            return Repeat(TonePattern.Dtmf(digits.ToUpperInvariant()), loop);
        }
        var preset = name.ToLowerInvariant() switch
        {
            "ringback" => TonePattern.RingbackUs,
            "ringback_eu" => TonePattern.RingbackEu,
            "busy" => TonePattern.BusyUs,
            "busy_eu" => TonePattern.BusyEu,
            "call_waiting" => TonePattern.CallWaitingUs,
            "call_waiting_eu" => TonePattern.CallWaitingEu,
            _ => throw new VoipException(ErrorCode.InvalidArgument, $"unknown tone '{name}'; expected {Known}"),
        };
        return Repeat(preset, loop);
    }

    private static TonePattern Repeat(TonePattern pattern, bool loop) => pattern.Loop == loop ? pattern : new TonePattern(pattern.Segments, loop);
}
