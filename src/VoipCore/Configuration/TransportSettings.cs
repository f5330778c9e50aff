using System.Security.Cryptography.X509Certificates;
using VoipCore.Transactions;
using VoipCore.Transport;

namespace VoipCore.Configuration;

/// <summary>Turns the "sip" configuration section into the transport and timer objects the stack uses.</summary>
public static class TransportSettings
{
    public static SipTimers Timers(SipConfig sip) =>
        new(TimeSpan.FromMilliseconds(sip.T1Ms), TimeSpan.FromMilliseconds(sip.T2Ms), TimeSpan.FromMilliseconds(sip.T4Ms));

    public static TransportOptions Options(SipConfig sip) => new()
    {
        MaxMessageSize = sip.MaxMessageSize,
        IdleTimeout = TimeSpan.FromSeconds(sip.IdleTimeoutSeconds),
        KeepAliveInterval = TimeSpan.FromSeconds(sip.KeepAliveSeconds),
        Certificate = LoadCertificate(sip.Tls),
        VerifyPeer = sip.Tls.VerifyPeer,
        TrustedAuthorities = LoadAuthorities(sip.Tls.CaFile),
    };

    private static X509Certificate2? LoadCertificate(TlsConfig tls)
    {
        if (tls.Certificate == null || tls.PrivateKey == null)
        {
            return null;
        }
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(tls.Certificate, tls.PrivateKey);
            // SslStream on Linux needs a key it can export into its own store: round-trip through PKCS#12.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"config: key 'sip.tls.certificate': cannot load {tls.Certificate} with {tls.PrivateKey}: {e.Message}");
        }
    }

    private static X509Certificate2Collection? LoadAuthorities(string? caFile)
    {
        if (caFile == null)
        {
            return null;
        }
        try
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(caFile);
            return authorities;
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"config: key 'sip.tls.ca_file': cannot load {caFile}: {e.Message}");
        }
    }
}
