using System.Runtime.InteropServices;

namespace VoipCore.Media.Codecs;

/// <summary>Whether the system's libopus can be used, found out once on first use.</summary>
internal static class OpusLibrary
{
    private static readonly Lazy<string?> Unavailability = new(Probe);

    /// <summary>The codec as offered in SDP: RFC 7587 always says 48000/2, whatever is actually coded.</summary>
    public static AudioCodecInfo Info { get; } = new("opus", 48000, 48000, 2);

    public static bool Available => Unavailability.Value is null;

    /// <summary>Why Opus cannot be used, or null when it can.</summary>
    public static string? UnavailableReason => Unavailability.Value;

    /// <summary>Throws the reason Opus is unavailable, for code about to create an encoder or decoder.</summary>
    public static void EnsureAvailable()
    {
        if (Unavailability.Value is string reason)
        {
            throw new VoipException(ErrorCode.Unsupported, reason);
        }
    }

    private static string? Probe()
    {
        NativeLibraryResolver.EnsureRegistered();
        if (!NativeLibraryResolver.TryLoad(NativeLibraryResolver.Opus, out var handle, out var failure))
        {
            return failure;
        }
        return NativeLibrary.TryGetExport(handle, "opus_encoder_create", out _)
            ? null
            : "the loaded libopus has no opus_encoder_create export: install libopus0 (Debian) to use Opus";
    }
}
