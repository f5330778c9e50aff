using System.Runtime.InteropServices;
using VoipCore.Logging;

namespace VoipCore.Native;

/// <summary>Hands log records to the host's vc_log_fn; the strings live only for the call.</summary>
internal sealed unsafe class NativeLogSink(delegate* unmanaged<int, byte*, byte*, void*, void> callback, void* userData) : ILogSink
{
    public void Write(LogLevel level, string category, string message)
    {
        byte* categoryText = NativeText.Allocate(category);
        byte* messageText = NativeText.Allocate(message);
        try
        {
            callback((int)level, categoryText, messageText, userData);
        }
        finally
        {
            NativeMemory.Free(categoryText);
            NativeMemory.Free(messageText);
        }
    }
}
