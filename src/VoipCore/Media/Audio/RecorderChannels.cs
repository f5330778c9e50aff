namespace VoipCore.Media.Audio;

/// <summary>How a <see cref="WavRecorder"/> lays out the two directions of a call.</summary>
public enum RecorderChannels
{
    /// <summary>One mono channel: received and sent audio added together (clipped).</summary>
    Mixed,

    /// <summary>Two channels: left = received, right = sent.</summary>
    Stereo,
}
