using System.Runtime.CompilerServices;
using VoipCore.Fuzz;

namespace VoipCore.Tests.Sip;

/// <summary>Inputs the fuzzer once broke the parser with (Sip/FuzzRegressions/*.sip) must pass the fuzz checks now.</summary>
public class FuzzRegressionTests
{
    private static string Folder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "FuzzRegressions");

    private static string SeedFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "bench", "fuzz", "corpus", "sip");

    [Fact]
    public void EveryFuzzFindingPassesTheFuzzChecks()
    {
        Assert.True(Directory.Exists(Folder()));
        CheckAll(Directory.GetFiles(Folder(), "*.sip"));
    }

    [Fact]
    public void TheSeedsPassTheFuzzChecks()
    {
        // AFL refuses seeds that crash; this also keeps the properties honest about valid and invalid messages.
        Assert.NotEmpty(Directory.GetFiles(SeedFolder(), "*.sip"));
        foreach (string vector in TortureVectors.All())
            SipFuzzTarget.Check(TortureVectors.Load(vector));
        CheckAll(Directory.GetFiles(SeedFolder(), "*.sip"));
    }

    private static void CheckAll(IEnumerable<string> files)
    {
        foreach (string file in files.Order())
        {
            Exception? failure = Record.Exception(() => SipFuzzTarget.Check(File.ReadAllBytes(file)));
            Assert.True(failure is null, $"{Path.GetFileName(file)}: {failure}");
        }
    }
}
