using System.Security.Cryptography.X509Certificates;

namespace VoipCore.Tests.Transport;

/// <summary>The test CA and server certificate written as PEM files, for configuration that names files.</summary>
internal sealed class TestCertificateFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("voipcore-pem-").FullName;

    public string Certificate { get; }
    public string PrivateKey { get; }
    public string Authority { get; }

    public TestCertificateFiles()
    {
        Certificate = Write("server.pem", TestCertificates.Server.ExportCertificatePem());
        PrivateKey = Write("server.key", TestCertificates.Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        Authority = Write("ca.pem", TestCertificates.Authority.ExportCertificatePem());
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
