using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace VoipCore.Transport;

/// <summary>Builds SslStream options from <see cref="TransportOptions"/>: validation on by default, optional private CA.</summary>
internal static class TlsSettings
{
    public static SslServerAuthenticationOptions Server(TransportOptions options) => new()
    {
        ServerCertificate = options.Certificate
            ?? throw new VoipException(ErrorCode.InvalidArgument, "a TLS or WSS listener needs a certificate (sip.tls.certificate)"),
        ClientCertificateRequired = false,
        EnabledSslProtocols = System.Security.Authentication.SslProtocols.None,
    };

    public static SslClientAuthenticationOptions Client(TransportOptions options, string targetHost) => new()
    {
        TargetHost = targetHost,
        ClientCertificates = options.Certificate == null ? null : new X509CertificateCollection { options.Certificate },
        RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validate(options, certificate, errors),
    };

    private static bool Validate(TransportOptions options, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (!options.VerifyPeer)
        {
            return true;
        }
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (options.TrustedAuthorities is not { Count: > 0 } anchors || certificate == null
            || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        // The name matched; only the chain failed against the system store: try the configured anchors alone.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
