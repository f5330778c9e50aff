using System.Runtime.InteropServices;
using System.Text.Json;
using VoipCore.Events;

namespace VoipCore.Native;

internal static unsafe class EventExports
{
    // vc_engine_poll_event's detail stays valid until the same thread polls again.
    private static readonly ThreadNativeString PolledDetail = new();

    [UnmanagedCallersOnly(EntryPoint = "vc_engine_set_event_callback")]
    public static int SetEventCallback(ulong engine, delegate* unmanaged<NativeEvent*, void*, void> callback, void* userData)
    {
        try
        {
            var target = Engine.FromHandle(engine);
            target.Events.SetEventSink(callback == null ? null : new NativeEventSink(engine, callback, userData));
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_engine_poll_event")]
    public static int Poll(ulong engine, NativeEvent* output, int timeoutMs)
    {
        if (output == null)
        {
            return LastError.NullArgument("out");
        }
        if (timeoutMs < -1)
        {
            return LastError.Set(ErrorCode.InvalidArgument, $"timeout_ms is {timeoutMs}; expected -1 (no limit), 0 or a positive number of milliseconds");
        }
        try
        {
            var polled = Engine.FromHandle(engine).Events.Poll(timeoutMs);
            if (polled == null)
            {
                return LastError.Set(ErrorCode.Timeout, $"no event within {timeoutMs} ms");
            }
            byte* detail = PolledDetail.Set(polled.DetailJson);
            *output = NativeEvent.From(polled, engine, detail);
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_engine_post_event")]
    public static int Post(ulong engine, long value, byte* detailJson)
    {
        try
        {
            var target = Engine.FromHandle(engine);
            string? detail = NativeText.Read(detailJson);
            if (detail != null && !IsJsonObject(detail))
            {
                return LastError.Set(ErrorCode.InvalidArgument, "detail_json must be a JSON object");
            }
            target.Events.Post(new EngineEvent(EventType.User, Value: value, DetailJson: detail));
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
