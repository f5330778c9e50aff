namespace VoipCore.Bench;

/// <summary>The typical messages measured, read from the fuzz seed corpus copied next to the benchmark binary.</summary>
internal static class SampleMessages
{
    public static byte[] Invite => Load("typical-invite.sip");

    public static byte[] Register => Load("typical-register.sip");

    private static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Messages", name));
}
