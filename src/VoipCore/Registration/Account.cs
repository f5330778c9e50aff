using VoipCore.Auth;
using VoipCore.Events;
using VoipCore.Handles;
using VoipCore.Messaging;
using VoipCore.UserAgent;

namespace VoipCore.Registration;

/// <summary>
/// A SIP identity of the host: its URI and credentials, its registration, and an optional OPTIONS
/// keep-alive towards its registrar or proxy that reports each answer (or silence) as an event.
/// </summary>
public sealed class Account : IDisposable
{
    private readonly ITimer? _keepAlive;
    private readonly EventDispatcher _events;
    private int _disposed;

    public ulong Handle { get; }
    public Engine Owner { get; }
    public AccountIdentity Identity { get; }
    public ChallengeResponder? Credentials { get; }
    public RegistrationClient Registration { get; }

    public Account(Engine owner, AccountSettings settings, SipStack stack, OutOfDialogRequests requests, EventDispatcher events, TimeProvider time)
    {
        Owner = owner;
        Identity = new AccountIdentity(settings);
        _events = events;
        Credentials = CredentialsOf(settings, Identity.User);
        Handle = HandleRegistry.Add(HandleType.Account, this);
        Registration = new RegistrationClient(stack, Identity, Credentials, Publish, time);
        if (settings.KeepAliveSeconds > 0)
        {
            var period = TimeSpan.FromSeconds(settings.KeepAliveSeconds);
            string target = settings.Proxy ?? Identity.RegistrarUri;
            _keepAlive = time.CreateTimer(_ => _ = KeepAlive(requests, target), null, period, period);
        }
    }

    private static ChallengeResponder? CredentialsOf(AccountSettings settings, string user)
    {
        if (settings.Password != null && settings.Ha1 != null)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "account: give 'password' or 'ha1', not both");
        }
        DigestSecret? secret = settings.Password != null ? DigestSecret.FromPassword(settings.Password)
            : settings.Ha1 != null ? HaOne(settings.Ha1) : null;
        return secret == null ? null : new ChallengeResponder(new DigestClient(user, secret, settings.Username));
    }

    // An MD5 HA1 is 32 hex digits, a SHA-256 one 64.
    private static DigestSecret HaOne(string ha1) =>
        DigestSecret.FromHa1(ha1, ha1.Length == 64 ? DigestAlgorithm.Sha256 : DigestAlgorithm.Md5);

    private async Task KeepAlive(OutOfDialogRequests requests, string target)
    {
        int code;
        string reason;
        try
        {
            var sent = await requests.SendAsync("OPTIONS", target, this, null, []).ConfigureAwait(false);
            (code, reason) = (sent.Response.StatusCode, sent.Reason);
        }
        catch (VoipException e)
        {
            (code, reason) = (0, e.Message);
        }
        Post(new EngineEvent(EventType.KeepAlive, Handle, Value: code,
            DetailJson: EventJson.Of(new RequestResultDetail("OPTIONS", target, code, reason))));
    }

    private void Publish(RegistrationState state, RegistrationDetail detail) =>
        Post(new EngineEvent(EventType.RegistrationState, Handle, Value: (long)state, Value2: detail.Code, DetailJson: EventJson.Of(detail)));

    private void Post(EngineEvent engineEvent)
    {
        try
        {
            _events.Post(engineEvent);
        }
        catch (VoipException)
        {
            // The engine is stopping; nobody is left to tell.
        }
    }

    public static Account FromHandle(ulong handle) => HandleRegistry.Get<Account>(handle, HandleType.Account);

    /// <summary>Makes the handle stale at once; the host cannot reach the account while it un-registers in the background.</summary>
    public void ReleaseHandle() => HandleRegistry.Remove<Account>(Handle, HandleType.Account);

    /// <summary>Stops keep-alives and refreshes and frees the handle; the caller un-registers first if it wants to.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        ReleaseHandle();
        _keepAlive?.Dispose();
        Registration.Dispose();
    }
}
