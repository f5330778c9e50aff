namespace VoipCore.Media.Audio;

/// <summary>How a WAV file stores one sample of one channel.</summary>
public enum WavSampleFormat
{
    /// <summary>8-bit unsigned integer, 128 = silence.</summary>
    Pcm8,

    /// <summary>16-bit signed little-endian integer.</summary>
    Pcm16,

    /// <summary>24-bit signed little-endian integer (the low byte is dropped on reading).</summary>
    Pcm24,

    /// <summary>32-bit signed little-endian integer (the low 16 bits are dropped on reading).</summary>
    Pcm32,

    /// <summary>32-bit IEEE float, full scale ±1.0.</summary>
    Float32,
}
