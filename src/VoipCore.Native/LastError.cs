using System.Runtime.InteropServices;

namespace VoipCore.Native;

/// <summary>
/// The thread-local message behind vc_last_error(). Every export funnels its failures through
/// <see cref="Fail"/>, which also maps exceptions to codes: nothing ever unwinds into C.
/// </summary>
internal static unsafe class LastError
{
    [ThreadStatic] private static nint _message;

    public static byte* Message => _message == 0 ? NativeText.Static(""u8) : (byte*)_message;

    public static int Set(ErrorCode code, string message)
    {
        byte* previous = (byte*)_message;
        _message = (nint)NativeText.Allocate(message);
        NativeMemory.Free(previous);
        return (int)code;
    }

    public static int Fail(Exception e) => e switch
    {
        VoipException voip => Set(voip.Code, voip.Message),
        _ => Set(ErrorCode.Internal, $"internal error: {e.GetType().Name}: {e.Message}"),
    };

    public static int NullArgument(string name) => Set(ErrorCode.InvalidArgument, $"{name} must not be NULL");
}
