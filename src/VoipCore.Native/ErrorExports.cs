using System.Runtime.InteropServices;

namespace VoipCore.Native;

internal static unsafe class ErrorExports
{
    [UnmanagedCallersOnly(EntryPoint = "vc_strerror")]
    public static byte* StrError(int code) => NativeText.Static((ErrorCode)code switch
    {
        ErrorCode.Ok => "VC_OK\0"u8,
        ErrorCode.InvalidArgument => "VC_E_INVALID_ARG\0"u8,
        ErrorCode.InvalidHandle => "VC_E_INVALID_HANDLE\0"u8,
        ErrorCode.InvalidState => "VC_E_INVALID_STATE\0"u8,
        ErrorCode.NotFound => "VC_E_NOT_FOUND\0"u8,
        ErrorCode.Timeout => "VC_E_TIMEOUT\0"u8,
        ErrorCode.Io => "VC_E_IO\0"u8,
        ErrorCode.Unsupported => "VC_E_UNSUPPORTED\0"u8,
        ErrorCode.Shutdown => "VC_E_SHUTDOWN\0"u8,
        ErrorCode.Internal => "VC_E_INTERNAL\0"u8,
        _ => "VC_E_UNKNOWN\0"u8,
    });

    [UnmanagedCallersOnly(EntryPoint = "vc_last_error")]
    public static byte* Last() => LastError.Message;

    [UnmanagedCallersOnly(EntryPoint = "vc_free")]
    public static void Free(void* memory) => NativeMemory.Free(memory);
}
