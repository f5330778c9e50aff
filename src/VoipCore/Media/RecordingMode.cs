namespace VoipCore.Media;

/// <summary>What a call recording holds; the numbers are vc_record_mode_t.</summary>
public enum RecordingMode
{
    Received = 0,
    Sent = 1,
    Mixed = 2,
    Stereo = 3,
}

/// <summary>Reads vc_record_mode_t values.</summary>
public static class RecordingModes
{
    public static RecordingMode FromNative(int mode) => mode is >= 0 and <= 3
        ? (RecordingMode)mode
        : throw new VoipException(ErrorCode.InvalidArgument, $"mode {mode} is not a vc_record_mode_t (0-3)");
}
