using System.Runtime.CompilerServices;
using System.Text;
using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

/// <summary>Loads the RFC 4475 vectors from the source tree (next to this file), byte for byte.</summary>
internal static class TortureVectors
{
    private static string Directory([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Torture");

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(Directory(), name + ".dat"));

    public static IEnumerable<string> All() =>
        System.IO.Directory.GetFiles(Directory(), "*.dat").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static SipMessage ParseValid(string name)
    {
        bool ok = SipMessage.TryParse(Load(name), out SipMessage message, out SipParseError error);
        Assert.True(ok, $"{name}: {error}");
        return message;
    }

    public static SipParseError ParseInvalid(string name, out SipMessage message)
    {
        bool ok = SipMessage.TryParse(Load(name), out message, out SipParseError error);
        Assert.False(ok, $"{name} was accepted");
        return error;
    }

    public static string Text(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);
}
