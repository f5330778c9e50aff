using System.Runtime.InteropServices;
using System.Text;
using VoipCore.Registration;

namespace VoipCore.Native;

internal static unsafe class SipExports
{
    [UnmanagedCallersOnly(EntryPoint = "vc_engine_listen")]
    public static int Listen(ulong engine, byte** outputBound, byte* address)
    {
        try
        {
            string bound = Engine.FromHandle(engine).Listen(NativeText.Read(address) ?? throw NullArgument("address"));
            if (outputBound != null)
            {
                *outputBound = NativeText.Allocate(bound);
            }
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_sip_send_options")]
    public static int SendOptions(ulong engine, ulong* outputRequestId, ulong account, byte* target) =>
        Send(engine, outputRequestId, account, "OPTIONS", target, null, null);

    [UnmanagedCallersOnly(EntryPoint = "vc_sip_send_message")]
    public static int SendMessage(ulong engine, ulong* outputRequestId, ulong account, byte* target, byte* contentType, byte* body) =>
        Send(engine, outputRequestId, account, "MESSAGE", target, contentType, body);

    private static int Send(ulong engine, ulong* outputRequestId, ulong account, string method, byte* target, byte* contentType, byte* body)
    {
        try
        {
            var owner = Engine.FromHandle(engine);
            var from = account == 0 ? null : Account.FromHandle(account);
            string uri = NativeText.Read(target) ?? throw NullArgument("target_uri");
            long id = owner.Requests.Send(method, uri, from, NativeText.Read(contentType), Encoding.UTF8.GetBytes(NativeText.Read(body) ?? ""));
            if (outputRequestId != null)
            {
                *outputRequestId = (ulong)id;
            }
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    internal static VoipException NullArgument(string name) => new(ErrorCode.InvalidArgument, $"{name} must not be NULL");
}
