using System.Runtime.InteropServices;
using VoipCore.Configuration;
using VoipCore.Registration;

namespace VoipCore.Native;

internal static unsafe class AccountExports
{
    [UnmanagedCallersOnly(EntryPoint = "vc_account_create")]
    public static int Create(ulong* output, ulong engine, byte* configJson)
    {
        if (output == null)
        {
            return LastError.NullArgument("out");
        }
        try
        {
            var owner = Engine.FromHandle(engine);
            *output = owner.CreateAccount(ConfigLoader.LoadAccount(NativeText.Read(configJson))).Handle;
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_account_destroy")]
    public static int Destroy(ulong account) => account == 0 ? 0 : With(account, static a => a.Owner.DestroyAccount(a));

    [UnmanagedCallersOnly(EntryPoint = "vc_account_register")]
    public static int Register(ulong account) => With(account, static a => _ = a.Registration.RegisterAsync());

    [UnmanagedCallersOnly(EntryPoint = "vc_account_unregister")]
    public static int Unregister(ulong account) => With(account, static a => _ = a.Registration.UnregisterAsync());

    [UnmanagedCallersOnly(EntryPoint = "vc_account_get_state")]
    public static int GetState(ulong account, int* outputState)
    {
        if (outputState == null)
        {
            return LastError.NullArgument("out_state");
        }
        try
        {
            *outputState = (int)Account.FromHandle(account).Registration.State;
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    private static int With(ulong account, Action<Account> action)
    {
        try
        {
            action(Account.FromHandle(account));
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }
}
