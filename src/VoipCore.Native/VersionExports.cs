using System.Runtime.InteropServices;

namespace VoipCore.Native;

internal static unsafe class VersionExports
{
    // Allocated once and never freed: vc_version() promises a string that lives as long as the library.
    private static readonly nint VersionText = (nint)NativeText.Allocate(LibraryVersion.Text);

    [UnmanagedCallersOnly(EntryPoint = "vc_version")]
    public static byte* Version() => (byte*)VersionText;
}
