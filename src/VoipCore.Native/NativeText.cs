using System.Runtime.InteropServices;
using System.Text;

namespace VoipCore.Native;

/// <summary>UTF-8 conversions at the ABI boundary.</summary>
internal static unsafe class NativeText
{
    /// <summary>Reads a caller's NUL-terminated UTF-8 string; null stays null.</summary>
    public static string? Read(byte* utf8) => utf8 == null ? null : Marshal.PtrToStringUTF8((nint)utf8);

    /// <summary>Allocates a NUL-terminated UTF-8 copy with malloc, so vc_free (free) releases it.</summary>
    public static byte* Allocate(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        byte* memory = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(memory, length));
        memory[length] = 0;
        return memory;
    }

    /// <summary>Pointer to a NUL-terminated u8 literal; literals live in the image's read-only data and never move.</summary>
    public static byte* Static(ReadOnlySpan<byte> nulTerminated) =>
        (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref MemoryMarshal.GetReference(nulTerminated));
}
