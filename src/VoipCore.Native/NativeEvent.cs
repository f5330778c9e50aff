using System.Runtime.InteropServices;

namespace VoipCore.Native;

/// <summary>vc_event_t, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeEvent
{
    public int Type;
    public int Reserved;
    public ulong Sequence;
    public ulong Engine;
    public ulong Handle;
    public ulong Related;
    public long Value;
    public long Value2;
    public byte* DetailJson;

    public static NativeEvent From(Events.EngineEvent e, ulong engine, byte* detail) => new()
    {
        Type = (int)e.Type,
        Sequence = e.Sequence,
        Engine = engine,
        Handle = e.Handle,
        Related = e.Related,
        Value = e.Value,
        Value2 = e.Value2,
        DetailJson = detail,
    };
}
