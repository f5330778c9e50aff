using System.Runtime.InteropServices;

namespace VoipCore.Media.Codecs;

/// <summary>The part of the libopus C API the codec uses (opus.h), bound through <see cref="NativeLibraryResolver"/>.</summary>
internal static unsafe partial class OpusNative
{
    public const int ApplicationVoip = 2048;
    public const int ApplicationAudio = 2049;
    public const int SetBitrateRequest = 4002;
    public const int SetComplexityRequest = 4010;
    public const int SetInbandFecRequest = 4012;
    public const int SetPacketLossPercentRequest = 4014;
    public const int SetDtxRequest = 4016;

    /// <summary>The largest packet one Opus frame can need (RFC 6716 section 3.2.1).</summary>
    public const int MaxPacketBytes = 1275;

    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_encoder_create")]
    public static partial OpusEncoderHandle EncoderCreate(int sampleRate, int channels, int application, int* error);

    /// <summary>
    /// opus_encoder_ctl is variadic. Binding it with a fixed (state, int, int) signature is sound where variadic int
    /// arguments travel like fixed ones: the SysV x86-64 ABI (the callee only reads %al to spill vector registers,
    /// none are used) and Linux AArch64 (AAPCS64 passes variadic ints in x-registers). It would not be on Apple arm64,
    /// which puts variadic arguments on the stack. Only the setters taking one int are used this way.
    /// </summary>
    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderHandle encoder, int request, int value);

    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_encode")]
    public static partial int Encode(OpusEncoderHandle encoder, short* pcm, int frameSize, byte* data, int maxDataBytes);

    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_encoder_destroy")]
    public static partial void EncoderDestroy(nint encoder);

    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_decoder_create")]
    public static partial OpusDecoderHandle DecoderCreate(int sampleRate, int channels, int* error);

    /// <summary>Decodes a packet, or with <paramref name="data"/> null conceals one lost frame of <paramref name="frameSize"/>.</summary>
    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_decode")]
    public static partial int Decode(OpusDecoderHandle decoder, byte* data, int length, short* pcm, int frameSize, int decodeFec);

    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_decoder_destroy")]
    public static partial void DecoderDestroy(nint decoder);

    /// <summary>libopus's text for an error code, e.g. "invalid argument", for exception messages.</summary>
    public static string Describe(int error) => Marshal.PtrToStringUTF8((nint)StrError(error)) ?? $"error {error}";

    // Returns a pointer to a static string, so it is bound as a raw pointer: a string return would be freed.
    [LibraryImport(NativeLibraryResolver.Opus, EntryPoint = "opus_strerror")]
    private static partial byte* StrError(int error);
}
