namespace VoipCore.Native;

/// <summary>
/// The thread-local message behind vc_last_error(). Every export funnels its failures through
/// <see cref="Fail"/>, which also maps exceptions to codes: nothing ever unwinds into C.
/// </summary>
internal static unsafe class LastError
{
    private static readonly ThreadNativeString MessageText = new();

    public static byte* Message
    {
        get
        {
            byte* text = MessageText.Pointer;
            return text != null ? text : NativeText.Static(""u8);
        }
    }

    public static int Set(ErrorCode code, string message)
    {
        MessageText.Set(message);
        return (int)code;
    }

    public static int Fail(Exception e) => e switch
    {
        VoipException voip => Set(voip.Code, voip.Message),
        _ => Set(ErrorCode.Internal, $"internal error: {e.GetType().Name}: {e.Message}"),
    };

    public static int NullArgument(string name) => Set(ErrorCode.InvalidArgument, $"{name} must not be NULL");
}
