using System.Runtime.InteropServices;
using VoipCore.Logging;

namespace VoipCore.Native;

internal static unsafe class LogExports
{
    [UnmanagedCallersOnly(EntryPoint = "vc_set_log_callback")]
    public static int SetLogCallback(ulong engine, int level, delegate* unmanaged<int, byte*, byte*, void*, void> callback, void* userData)
    {
        try
        {
            var target = Engine.FromHandle(engine);
            if (level is < (int)LogLevel.Debug or > (int)LogLevel.Off)
            {
                return LastError.Set(ErrorCode.InvalidArgument, $"level is {level}; expected VC_LOG_DEBUG (0) .. VC_LOG_OFF (4)");
            }
            target.Log.Level = (LogLevel)level;
            target.Events.SetLogSink(callback == null ? StandardErrorLogSink.Instance : new NativeLogSink(callback, userData));
            target.Log.Debug("engine", $"log callback set at level {(LogLevel)level}");
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }
}
