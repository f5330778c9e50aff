using System.Runtime.InteropServices;
using VoipCore.Configuration;

namespace VoipCore.Native;

internal static unsafe class EngineExports
{
    [UnmanagedCallersOnly(EntryPoint = "vc_engine_create")]
    public static int Create(ulong* output, byte* configJson)
    {
        if (output == null)
        {
            return LastError.NullArgument("out");
        }
        try
        {
            var engine = new Engine(ConfigLoader.Load(NativeText.Read(configJson)));
            *output = engine.Handle;
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_engine_destroy")]
    public static int Destroy(ulong engine)
    {
        if (engine == 0)
        {
            return 0;
        }
        try
        {
            Engine.FromHandle(engine).Dispose();
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_engine_get_config")]
    public static int GetConfig(ulong engine, byte** outputJson)
    {
        if (outputJson == null)
        {
            return LastError.NullArgument("out_json");
        }
        try
        {
            *outputJson = NativeText.Allocate(ConfigLoader.ToJson(Engine.FromHandle(engine).Config));
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }
}
