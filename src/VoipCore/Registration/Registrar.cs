using System.Collections.Concurrent;
using VoipCore.Auth;
using VoipCore.Events;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.UserAgent;

namespace VoipCore.Registration;

/// <summary>
/// A registrar (RFC 3261 10.3) with digest authentication: challenges with 401, refuses wrong
/// credentials with 403, enforces Min-Expires with 423, stores bindings in the
/// <see cref="LocationService"/>, answers with every current binding, and reports each change.
/// Address-of-records are keyed by user part, as one registrar serves one domain.
/// </summary>
public sealed class Registrar : IRequestHandler, IDisposable
{
    private readonly RegistrarSettings _settings;
    private readonly DigestServer _digest;
    private readonly ConcurrentDictionary<string, string> _users;
    private readonly EventDispatcher _events;
    private readonly ITimer _purge;
    private readonly TimeProvider _time;

    public LocationService Locations { get; }

    private Func<string, string?>? _credentialLookup;
    private int _lookupsRunning;

    /// <summary>
    /// Asked for a user's password when the configured users do not have it; null means unknown.
    /// Replacing it does not wait for a lookup already running (a host whose lookups run on the
    /// thread that replaces it would deadlock); <see cref="Dispose"/> does wait.
    /// </summary>
    public Func<string, string?>? CredentialLookup
    {
        get => Volatile.Read(ref _credentialLookup);
        set => Volatile.Write(ref _credentialLookup, value);
    }

    private string? LookUp(string user)
    {
        Interlocked.Increment(ref _lookupsRunning);
        try
        {
            return Volatile.Read(ref _credentialLookup)?.Invoke(user);
        }
        finally
        {
            Interlocked.Decrement(ref _lookupsRunning);
        }
    }

    public Registrar(RegistrarSettings settings, EventDispatcher events, TimeProvider time)
    {
        Validate(settings);
        _settings = settings;
        _events = events;
        _time = time;
        _users = new ConcurrentDictionary<string, string>(settings.Users, StringComparer.Ordinal);
        _digest = new DigestServer(new DigestServerOptions
        {
            Realm = settings.Realm,
            Algorithms = settings.Algorithms.Select(DigestAlgorithms.FromName).ToArray(),
            TimeProvider = time,
        });
        Locations = new LocationService(time);
        _purge = time.CreateTimer(_ => Report(Locations.Purge()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void SetUser(string user, string password) => _users[user] = password;

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!request.TryGetTo(out var to) || to.Uri.User.IsEmpty)
        {
            transaction.Respond(400, "Bad To: no user part");
            return;
        }
        string user = to.Uri.GetUser()!;
        if (!Authenticate(transaction, user))
        {
            return;
        }
        if (!TryReadContacts(request, out var contacts, out bool wildcard, out string? problem))
        {
            transaction.Respond(400, problem);
            return;
        }
        int defaultExpires = DefaultExpires(request);
        if (contacts.Exists(c => (c.Expires ?? defaultExpires) is > 0 and var asked && asked < _settings.MinExpires))
        {
            var response = transaction.CreateResponse(423, "Interval Too Brief");
            response.Add(HeaderId.MinExpires, _settings.MinExpires.ToString());
            transaction.Respond(response);
            return;
        }
        request.TryGetCSeq(out var cseq);
        string callId = SipText.Decode(request.CallId.Span);
        var source = transaction.Source.Remote;
        var changes = wildcard
            ? Locations.RemoveAll(user, callId, cseq.Number)
            : Locations.Update(user, contacts, defaultExpires, callId, cseq.Number, source);
        if (changes == null)
        {
            transaction.Respond(500, "Out of order REGISTER");
            return;
        }
        Report(changes);
        RespondWithBindings(transaction, user);
    }

    private bool Authenticate(ServerTransaction transaction, string user)
    {
        var request = transaction.Request;
        if (!request.TryGetFirst(HeaderId.Authorization, out var authorization))
        {
            Challenge(transaction, stale: false);
            return false;
        }
        var verdict = _digest.Verify(SipText.Decode(authorization.Span), "REGISTER", SipText.Decode(request.RequestUriText.Span), LookupSecret);
        switch (verdict.Outcome)
        {
            case DigestOutcome.Ok when verdict.Username == user:
                return true;
            case DigestOutcome.Ok:
                transaction.Respond(403, "Credentials do not match the To user");
                return false;
            case DigestOutcome.Stale:
                Challenge(transaction, stale: true);
                return false;
            case DigestOutcome.WrongCredentials or DigestOutcome.UnknownUser:
                transaction.Respond(403, "Forbidden");
                return false;
            default:
                // Malformed, foreign realm or nonce, replay: a fresh challenge lets an honest client recover.
                Challenge(transaction, stale: false);
                return false;
        }
    }

    private DigestSecret? LookupSecret(string user, string realm, DigestAlgorithm algorithm)
    {
        string? password = _users.TryGetValue(user, out var configured) ? configured : LookUp(user);
        return password == null ? null : DigestSecret.FromPassword(password);
    }

    private void Challenge(ServerTransaction transaction, bool stale)
    {
        var response = transaction.CreateResponse(401);
        foreach (var challenge in _digest.CreateChallenges(stale))
        {
            response.Add(HeaderId.WwwAuthenticate, challenge.ToHeaderValue());
        }
        transaction.Respond(response);
    }

    private int DefaultExpires(SipMessage request)
    {
        if (request.TryGetFirst(HeaderId.Expires, out var value) && int.TryParse(value.Span, out int expires) && expires >= 0)
        {
            return Math.Min(expires, _settings.MaxExpires);
        }
        return _settings.DefaultExpires;
    }

    private bool TryReadContacts(SipMessage request, out List<ContactUpdate> contacts, out bool wildcard, out string? problem)
    {
        contacts = [];
        wildcard = false;
        problem = null;
        foreach (var value in request.GetValues(HeaderId.Contact))
        {
            if (!NameAddress.TryParse(value, out var contact))
            {
                problem = "Bad Contact";
                return false;
            }
            if (contact.IsWildcard)
            {
                wildcard = true;
                continue;
            }
            int? expires = int.TryParse(contact.Parameters.GetValue("expires"u8).Span, out int e) && e >= 0 ? Math.Min(e, _settings.MaxExpires) : null;
            contacts.Add(new ContactUpdate(contact.Uri.ToString(), expires));
        }
        if (wildcard && (contacts.Count > 0 || DefaultExpires(request) != 0 || !request.Contains(HeaderId.Expires)))
        {
            problem = "Contact * needs Expires: 0 and no other Contact";
            return false;
        }
        // A REGISTER without Contact is a query: answer with the current bindings.
        return true;
    }

    private void RespondWithBindings(ServerTransaction transaction, string user)
    {
        var response = transaction.CreateResponse(200);
        var now = _time.GetUtcNow();
        foreach (var binding in Locations.Lookup(user))
        {
            response.Add(HeaderId.Contact, $"<{binding.ContactUri}>;expires={binding.SecondsLeft(now)}");
        }
        transaction.Respond(response);
    }

    public string BindingsJson()
    {
        var now = _time.GetUtcNow();
        return EventJson.Of(Locations.All()
            .Select(b => new BindingEntry(b.Aor, b.ContactUri, b.SecondsLeft(now), b.Source.ToString(), b.CallId, b.CSeq))
            .ToList());
    }

    private void Report(IReadOnlyList<BindingChange> changes)
    {
        foreach (var change in changes)
        {
            var b = change.Binding;
            var detail = new BindingDetail(change.Action.ToString().ToLowerInvariant(), b.Aor, b.ContactUri,
                change.Action is BindingAction.Removed or BindingAction.Expired ? 0 : b.SecondsLeft(_time.GetUtcNow()), b.Source.ToString());
            try
            {
                _events.Post(new EngineEvent(EventType.RegistrarBinding, Value: (long)change.Action, DetailJson: EventJson.Of(detail)));
            }
            catch (VoipException)
            {
                return;
            }
        }
    }

    private static void Validate(RegistrarSettings settings)
    {
        if (settings.MinExpires < 0 || settings.MaxExpires < settings.MinExpires || settings.DefaultExpires < settings.MinExpires
            || settings.DefaultExpires > settings.MaxExpires)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "registrar: expects 0 <= min_expires <= default_expires <= max_expires");
        }
        foreach (var name in settings.Algorithms)
        {
            if (DigestAlgorithms.FromName(name) == DigestAlgorithm.Unsupported)
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"registrar: key 'algorithms' has '{name}'; expected SHA-256, SHA-256-sess, MD5 or MD5-sess");
            }
        }
        foreach (var (user, password) in settings.Users)
        {
            if (user.Length == 0 || password == null)
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"registrar: key 'users' has '{user}' without a password string");
            }
        }
        if (settings.Algorithms.Count == 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "registrar: key 'algorithms' is empty");
        }
    }

    /// <summary>
    /// Stops expiring bindings and waits for credential lookups still running, so the host may free
    /// their user_data. The wait is bounded: a lookup must be quick, and a host whose lookups run on a
    /// thread that is itself waiting for this (Node at process exit) must not hang forever.
    /// </summary>
    public void Dispose()
    {
        _purge.Dispose();
        CredentialLookup = null;
        SpinWait.SpinUntil(() => Volatile.Read(ref _lookupsRunning) == 0, LookupGrace);
    }

    private static readonly TimeSpan LookupGrace = TimeSpan.FromSeconds(2);
}
