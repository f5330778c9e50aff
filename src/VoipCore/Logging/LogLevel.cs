namespace VoipCore.Logging;

/// <summary>Log levels; the numbers are vc_log_level_t in include/voipcore.h.</summary>
public enum LogLevel
{
    Debug = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
    Off = 4,
}
