using System.Runtime.InteropServices;
using VoipCore.Configuration;

namespace VoipCore.Native;

internal static unsafe class RegistrarExports
{
    private const int PasswordCapacity = 256;

    [UnmanagedCallersOnly(EntryPoint = "vc_registrar_enable")]
    public static int Enable(ulong engine, byte* configJson)
    {
        try
        {
            var owner = Engine.FromHandle(engine);
            owner.EnableRegistrar(ConfigLoader.LoadRegistrar(NativeText.Read(configJson)));
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_registrar_add_user")]
    public static int AddUser(ulong engine, byte* user, byte* password)
    {
        try
        {
            var registrar = Engine.FromHandle(engine).Registrar;
            string name = NativeText.Read(user) ?? throw SipExports.NullArgument("user");
            if (name.Length == 0)
            {
                throw new VoipException(ErrorCode.InvalidArgument, "user must not be empty");
            }
            registrar.SetUser(name, NativeText.Read(password) ?? throw SipExports.NullArgument("password"));
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_registrar_set_credential_callback")]
    public static int SetCredentialCallback(ulong engine, delegate* unmanaged<byte*, byte*, nuint, void*, int> callback, void* userData)
    {
        try
        {
            var registrar = Engine.FromHandle(engine).Registrar;
            registrar.CredentialLookup = callback == null ? null : user => Lookup(callback, userData, user);
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    private static string? Lookup(delegate* unmanaged<byte*, byte*, nuint, void*, int> callback, void* userData, string user)
    {
        byte* name = NativeText.Allocate(user);
        byte* password = stackalloc byte[PasswordCapacity];
        password[0] = 0;
        try
        {
            if (callback(name, password, PasswordCapacity, userData) != 0)
            {
                return null;
            }
            password[PasswordCapacity - 1] = 0;
            return Marshal.PtrToStringUTF8((nint)password);
        }
        finally
        {
            NativeMemory.Free(name);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_registrar_list_bindings")]
    public static int ListBindings(ulong engine, byte** outputJson)
    {
        if (outputJson == null)
        {
            return LastError.NullArgument("out_json");
        }
        try
        {
            *outputJson = NativeText.Allocate(Engine.FromHandle(engine).Registrar.BindingsJson());
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }
}
