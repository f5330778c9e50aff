using System.Runtime.InteropServices;
using VoipCore.Events;

namespace VoipCore.Native;

/// <summary>Hands events to the host's vc_event_fn; the detail string lives only for the call.</summary>
internal sealed unsafe class NativeEventSink(ulong engine, delegate* unmanaged<NativeEvent*, void*, void> callback, void* userData) : IEventSink
{
    public void Deliver(EngineEvent engineEvent)
    {
        byte* detail = engineEvent.DetailJson == null ? null : NativeText.Allocate(engineEvent.DetailJson);
        try
        {
            var native = NativeEvent.From(engineEvent, engine, detail);
            callback(&native, userData);
        }
        finally
        {
            NativeMemory.Free(detail);
        }
    }
}
