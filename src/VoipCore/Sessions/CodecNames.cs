using VoipCore.Sdp;

namespace VoipCore.Sessions;

/// <summary>The codec names hosts use (configuration, vcphone --codec, call options) and what they mean in SDP.</summary>
public static class CodecNames
{
    /// <summary>The SDP capability for "opus", "g722", "pcmu" or "pcma" (any case), or null for another name.</summary>
    public static CodecCapability? Capability(string name) => name.ToLowerInvariant() switch
    {
        "opus" => CodecCapability.Opus,
        "g722" => CodecCapability.G722,
        "pcmu" => CodecCapability.Pcmu,
        "pcma" => CodecCapability.Pcma,
        _ => null,
    };

    /// <summary>
    /// Offer/answer capabilities for codecs named in preference order, with telephone-event beside them at each
    /// clock rate they use. Opus is left out when libopus cannot be loaded, so calls fall back to the others.
    /// </summary>
    public static MediaCapabilities Capabilities(IEnumerable<string> names, bool opusAvailable)
    {
        var codecs = new List<CodecCapability>();
        if (!names.Any())
        {
            throw new VoipException(ErrorCode.InvalidArgument, "the codec list is empty; name at least one of opus, g722, pcmu, pcma");
        }
        foreach (var name in names)
        {
            var codec = Capability(name) ?? throw new VoipException(ErrorCode.InvalidArgument, $"unknown codec '{name}'; expected opus, g722, pcmu or pcma");
            if ((codec != CodecCapability.Opus || opusAvailable) && !codecs.Contains(codec))
            {
                codecs.Add(codec);
            }
        }
        if (codecs.Count == 0)
        {
            throw new VoipException(ErrorCode.Unsupported, "no usable codec: Opus needs libopus.so.0 (Debian libopus0), name another codec too");
        }
        if (codecs.Contains(CodecCapability.Opus))
        {
            codecs.Add(CodecCapability.TelephoneEvent48000);
        }
        // Telephone-event at 8000 even beside Opus alone: many peers (baresip among them) offer Opus with
        // telephone-event/8000 only, and DTMF would otherwise fall back to INFO.
        codecs.Add(CodecCapability.TelephoneEvent8000);
        return MediaCapabilities.Default with { Codecs = codecs };
    }
}
