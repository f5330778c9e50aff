namespace VoipCore.Media.Codecs;

/// <summary>
/// The audio codecs of the stack by their SDP name and RTP clock rate: PCMU/8000, PCMA/8000, G722/8000 and,
/// when the system has libopus, opus/48000.
/// </summary>
public static class AudioCodecs
{
    private static readonly AudioCodecInfo[] Known = [MuLaw.Info, ALaw.Info, G722Codec.Info, OpusLibrary.Info];

    /// <summary>Whether libopus could be loaded; false leaves G.711 and G.722 working.</summary>
    public static bool OpusAvailable => OpusLibrary.Available;

    /// <summary>Why Opus cannot be used (what to install), or null when <see cref="OpusAvailable"/>.</summary>
    public static string? OpusUnavailableReason => OpusLibrary.UnavailableReason;

    /// <summary>
    /// Whether <paramref name="name"/> (compared case-insensitively, as SDP encoding names are) at
    /// <paramref name="clockRate"/> can be coded here; Opus only when <see cref="OpusAvailable"/>.
    /// </summary>
    public static bool IsSupported(string name, int clockRate) =>
        Find(name, clockRate) is AudioCodecInfo info && (info != OpusLibrary.Info || OpusLibrary.Available);

    /// <summary>A new encoder for one outgoing stream.</summary>
    /// <param name="opus">Opus tuning; the <see cref="OpusSettings"/> defaults when null. Ignored by other codecs.</param>
    /// <exception cref="VoipException">Unsupported for an unknown codec or Opus without libopus; InvalidArgument for
    /// Opus settings libopus refuses.</exception>
    public static IAudioEncoder CreateEncoder(string name, int clockRate, OpusSettings? opus = null) =>
        Require(name, clockRate).Name switch
        {
            "PCMU" => new G711Encoder<MuLaw>(),
            "PCMA" => new G711Encoder<ALaw>(),
            "G722" => new G722Encoder(),
            _ => new OpusEncoder(opus ?? new OpusSettings()),
        };

    /// <summary>A new decoder for one incoming stream.</summary>
    /// <exception cref="VoipException">Unsupported for an unknown codec or Opus without libopus.</exception>
    public static IAudioDecoder CreateDecoder(string name, int clockRate) =>
        Require(name, clockRate).Name switch
        {
            "PCMU" => new G711Decoder<MuLaw>(),
            "PCMA" => new G711Decoder<ALaw>(),
            "G722" => new G722Decoder(),
            _ => new OpusDecoder(),
        };

    private static AudioCodecInfo Require(string name, int clockRate) =>
        Find(name, clockRate) ?? throw new VoipException(ErrorCode.Unsupported,
            $"no audio codec {name}/{clockRate}: supported are PCMU/8000, PCMA/8000, G722/8000 and opus/48000");

    private static AudioCodecInfo? Find(string name, int clockRate)
    {
        foreach (var info in Known)
        {
            if (info.PayloadClockRate == clockRate && string.Equals(info.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return info;
            }
        }
        return null;
    }
}
