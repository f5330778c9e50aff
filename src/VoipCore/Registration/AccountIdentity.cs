using System.Text;
using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Registration;

/// <summary>Who an account is, derived once from its settings: user, URIs and transport.</summary>
public sealed class AccountIdentity
{
    public AccountSettings Settings { get; }
    public string User { get; }
    public string NameAddr { get; }
    public string RegistrarUri { get; }
    public TransportProtocol? Transport { get; }

    public AccountIdentity(AccountSettings settings)
    {
        Settings = settings;
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(settings.Uri), out var uri) || !uri.IsSip || uri.User.IsEmpty)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"account: key 'uri' is '{settings.Uri}'; expected sip:user@host");
        }
        User = uri.GetUser()!;
        NameAddr = settings.DisplayName == null ? $"<{settings.Uri}>" : $"\"{settings.DisplayName.Replace("\"", "\\\"")}\" <{settings.Uri}>";
        RegistrarUri = settings.Registrar ?? $"{SipText.Decode(uri.SchemeName.Span)}:{SipText.Decode(uri.Host.Span)}{(uri.Port > 0 ? $":{uri.Port}" : "")}";
        if (settings.Transport != null)
        {
            Transport = TransportProtocolExtensions.TryParse(settings.Transport, out var protocol) ? protocol
                : throw new VoipException(ErrorCode.InvalidArgument, $"account: key 'transport' is '{settings.Transport}'; expected udp, tcp, tls, ws or wss");
        }
        if (settings.Expires is < 0 or > 86400)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"account: key 'expires' is {settings.Expires}; expected 0..86400");
        }
    }
}
