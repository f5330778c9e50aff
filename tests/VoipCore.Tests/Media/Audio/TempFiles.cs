namespace VoipCore.Tests.Media.Audio;

/// <summary>Unique paths in a per-test temporary folder, removed with the test class.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("voipcore-audio-").FullName;

    public string Path(string name) => System.IO.Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
