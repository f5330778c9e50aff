using System.Text;
using VoipCore.Events;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.Transport;
using VoipCore.UserAgent;

namespace VoipCore.Registration;

/// <summary>
/// Keeps one account registered (RFC 3261 10.2): REGISTER with digest auth, the same Call-ID and
/// rising CSeq for every refresh, refresh before the granted expiry runs out, 423 Min-Expires
/// honoured, exponential backoff after failures, and un-REGISTER on request or shutdown.
/// Attempts run one at a time; every state change is published.
/// </summary>
public sealed class RegistrationClient : IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly SipStack _stack;
    private readonly AccountIdentity _identity;
    private readonly ChallengeResponder? _credentials;
    private readonly Action<RegistrationState, RegistrationDetail> _publish;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly string _callId = BranchIds.NewCallId();
    private readonly string _fromTag = BranchIds.NewTag();
    private ITimer? _next;
    private uint _cseq = 1;
    private int _failures;
    private int _expires;
    private volatile bool _wanted;
    private volatile bool _disposed;
    private string? _contact;

    public RegistrationState State { get; private set; } = RegistrationState.Idle;

    /// <summary>The expiry the registrar granted on the last success, in seconds.</summary>
    public int GrantedExpires { get; private set; }

    public RegistrationClient(SipStack stack, AccountIdentity identity, ChallengeResponder? credentials,
        Action<RegistrationState, RegistrationDetail> publish, TimeProvider time)
    {
        _stack = stack;
        _identity = identity;
        _credentials = credentials;
        _publish = publish;
        _time = time;
        _expires = identity.Settings.Expires;
    }

    /// <summary>Starts (or restarts) registering; the outcome arrives as state events. Completes after the first attempt.</summary>
    public Task RegisterAsync()
    {
        _wanted = true;
        _failures = 0;
        return AttemptAsync();
    }

    /// <summary>Stops refreshing and removes our binding (Expires: 0) if we had one.</summary>
    public async Task UnregisterAsync()
    {
        _wanted = false;
        await _serial.WaitAsync().ConfigureAwait(false);
        try
        {
            CancelTimer();
            if (State is not (RegistrationState.Registered or RegistrationState.Registering or RegistrationState.Failed))
            {
                return;
            }
            Move(RegistrationState.Unregistering, 0, "", 0);
            var sent = await SendRegister(0).ConfigureAwait(false);
            Move(RegistrationState.Unregistered, sent.Response.StatusCode, sent.Reason, 0);
        }
        catch (VoipException e)
        {
            Move(RegistrationState.Unregistered, 0, e.Message, 0);
        }
        finally
        {
            _serial.Release();
        }
    }

    private async Task AttemptAsync()
    {
        await _serial.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_wanted || _disposed)
            {
                return;
            }
            CancelTimer();
            Move(RegistrationState.Registering, 0, "", _expires);
            var sent = await SendRegister(_expires).ConfigureAwait(false);
            if (sent.Response.StatusCode == 423 && MinExpires(sent.Response) is int minimum && minimum > _expires)
            {
                _expires = minimum;
                sent = await SendRegister(_expires).ConfigureAwait(false);
            }
            if (sent.Response.StatusCode is >= 200 and < 300)
            {
                _failures = 0;
                GrantedExpires = GrantedBy(sent.Response);
                Move(RegistrationState.Registered, sent.Response.StatusCode, sent.Reason, GrantedExpires);
                Schedule(RefreshDelay(GrantedExpires));
            }
            else
            {
                Fail(sent.Response.StatusCode, sent.Reason);
            }
        }
        catch (VoipException e)
        {
            Fail(0, e.Message);
        }
        finally
        {
            _serial.Release();
        }
    }

    private void Fail(int code, string reason)
    {
        _failures++;
        Move(RegistrationState.Failed, code, reason, 0);
        var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(_failures, 10))));
        Schedule(backoff);
    }

    private async Task<SentRequest> SendRegister(int expires)
    {
        _cseq++;
        var sent = await AuthenticatingSender.SendAsync(_stack, _credentials, _cseq, (cseq, auth) =>
        {
            _cseq = cseq;
            return new RequestSpec("REGISTER", _identity.RegistrarUri, _identity.NameAddr, _identity.NameAddr, _callId, cseq, _fromTag)
            {
                ContactUser = _identity.User,
                OutboundProxy = _identity.Settings.Proxy,
                Headers = [(HeaderId.Expires, expires.ToString()), .. auth],
            };
        }, _identity.Transport).ConfigureAwait(false);
        _contact = sent.Request.Message.TryGetFirstValue(HeaderId.Contact, out var contact) && NameAddress.TryParse(contact, out var ours)
            ? ours.Uri.ToString() : null;
        return sent;
    }

    /// <summary>Refresh with room to spare: halfway for short registrations, 30 s early for long ones.</summary>
    private static TimeSpan RefreshDelay(int expires) =>
        TimeSpan.FromSeconds(expires > 60 ? expires - 30 : Math.Max(1, expires / 2.0));

    private int GrantedBy(SipMessage ok)
    {
        foreach (var value in ok.GetValues(HeaderId.Contact))
        {
            if (NameAddress.TryParse(value, out var contact) && SameUri(contact.Uri.ToString(), _contact)
                && int.TryParse(contact.Parameters.GetValue("expires"u8).Span, out int granted))
            {
                return granted;
            }
        }
        return ok.TryGetFirst(HeaderId.Expires, out var header) && int.TryParse(header.Span, out int expires) ? expires : _expires;
    }

    // Registrars echo our Contact but may change the case of the host or add parameters.
    private static bool SameUri(string theirs, string? ours)
    {
        if (ours == null)
        {
            return false;
        }
        int semicolon = ours.IndexOf(';');
        string core = semicolon < 0 ? ours : ours[..semicolon];
        return theirs.StartsWith(core, StringComparison.OrdinalIgnoreCase) && (theirs.Length == core.Length || theirs[core.Length] is ';' or '?');
    }

    private static int? MinExpires(SipMessage response) =>
        response.TryGetFirst(HeaderId.MinExpires, out var value) && int.TryParse(value.Span, out int seconds) ? seconds : null;

    private void Schedule(TimeSpan after)
    {
        if (!_wanted || _disposed)
        {
            return;
        }
        CancelTimer();
        _next = _time.CreateTimer(_ => _ = AttemptAsync(), null, after, Timeout.InfiniteTimeSpan);
    }

    private void CancelTimer()
    {
        _next?.Dispose();
        _next = null;
    }

    private void Move(RegistrationState state, int code, string reason, int expires)
    {
        State = state;
        _publish(state, new RegistrationDetail(state.ToString().ToLowerInvariant(), code, reason, expires, _identity.Settings.Uri,
            _contact));
    }

    public void Dispose()
    {
        _disposed = true;
        _wanted = false;
        CancelTimer();
    }
}
