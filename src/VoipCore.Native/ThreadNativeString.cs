using System.Runtime.InteropServices;

namespace VoipCore.Native;

/// <summary>
/// A NUL-terminated UTF-8 string in native memory that each thread owns one of (the message
/// behind vc_last_error, the detail of the last polled event). It lives in a pthread key whose
/// destructor is libc's free, so a host thread that ends takes its string with it: nothing
/// managed has to run on a dying foreign thread, and nothing leaks when threads come and go.
/// </summary>
internal sealed unsafe partial class ThreadNativeString
{
    private readonly uint _key;

    public ThreadNativeString()
    {
        nint free = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "free");
        uint key;
        if (KeyCreate(&key, free) != 0)
        {
            throw new InvalidOperationException("pthread_key_create failed");
        }
        _key = key;
    }

    public byte* Pointer => (byte*)GetSpecific(_key);

    /// <summary>Replaces this thread's string (null clears it); the previous copy is freed.</summary>
    public byte* Set(string? text)
    {
        byte* previous = Pointer;
        byte* next = text == null ? null : NativeText.Allocate(text);
        SetSpecific(_key, (nint)next);
        NativeMemory.Free(previous);
        return next;
    }

    [LibraryImport("libc", EntryPoint = "pthread_key_create")]
    private static partial int KeyCreate(uint* key, nint destructor);

    [LibraryImport("libc", EntryPoint = "pthread_getspecific")]
    private static partial nint GetSpecific(uint key);

    [LibraryImport("libc", EntryPoint = "pthread_setspecific")]
    private static partial int SetSpecific(uint key, nint value);
}
