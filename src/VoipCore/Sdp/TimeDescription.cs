namespace VoipCore.Sdp;

/// <summary>A t= line with the r= lines that follow it. Telephony always uses <c>t=0 0</c> (unbounded).</summary>
public sealed class TimeDescription
{
    public TimeDescription(ulong startTime, ulong stopTime)
    {
        StartTime = startTime;
        StopTime = stopTime;
    }

    /// <summary>NTP seconds; 0 means unbounded.</summary>
    public ulong StartTime { get; set; }

    /// <summary>NTP seconds; 0 means unbounded.</summary>
    public ulong StopTime { get; set; }

    /// <summary>The r= values, raw: nothing in a call depends on them.</summary>
    public List<string> RepeatTimes { get; } = [];

    internal TimeDescription Clone()
    {
        var copy = new TimeDescription(StartTime, StopTime);
        copy.RepeatTimes.AddRange(RepeatTimes);
        return copy;
    }
}
