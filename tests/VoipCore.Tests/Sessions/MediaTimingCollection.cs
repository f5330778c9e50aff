namespace VoipCore.Tests.Sessions;

/// <summary>
/// Tests that judge audio or packet timing run alone, not beside the rest of the suite: on a 2-core machine the
/// parallel tests can starve the media threads for hundreds of milliseconds, which is a fact about the test
/// machine, not about the library.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MediaTimingCollection
{
    public const string Name = "media timing";
}
