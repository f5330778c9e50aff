namespace VoipCore.Media.Codecs;

/// <summary>What G.722 is on the wire: 16 kHz audio under the 8000 Hz RTP clock RFC 3551 assigns it.</summary>
internal static class G722Codec
{
    public static AudioCodecInfo Info { get; } = new("G722", 8000, 16000, 1);
}
