using VoipCore.Transport;

namespace VoipCore.Registration;

/// <summary>
/// The registrar's in-memory location service (RFC 3261 10.3 steps 6-8): bindings per
/// address-of-record, several contacts each, ordered updates by Call-ID and CSeq, and expiry.
/// </summary>
public sealed class LocationService
{
    private readonly Dictionary<string, List<ContactBinding>> _byAor = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    public LocationService(TimeProvider time) => _time = time;

    /// <summary>
    /// Applies a REGISTER's contacts atomically. Returns null and changes nothing when a contact's
    /// Call-ID matches but its CSeq is not newer (the RFC's 500: an out-of-order request).
    /// </summary>
    public IReadOnlyList<BindingChange>? Update(string aor, IReadOnlyList<ContactUpdate> contacts, int defaultExpires,
        string callId, uint cseq, TransportAddress source)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var bindings = LiveBindings(aor, now, out var expired);
            foreach (var contact in contacts)
            {
                var existing = bindings.Find(b => SameContact(b.ContactUri, contact.ContactUri));
                if (existing != null && existing.CallId == callId && existing.CSeq >= cseq)
                {
                    return null;
                }
            }
            var changes = new List<BindingChange>(expired);
            foreach (var contact in contacts)
            {
                int expires = contact.Expires ?? defaultExpires;
                int index = bindings.FindIndex(b => SameContact(b.ContactUri, contact.ContactUri));
                var binding = new ContactBinding(aor, contact.ContactUri, now.AddSeconds(expires), callId, cseq, source);
                if (expires == 0)
                {
                    if (index >= 0)
                    {
                        changes.Add(new BindingChange(BindingAction.Removed, bindings[index]));
                        bindings.RemoveAt(index);
                    }
                }
                else if (index >= 0)
                {
                    bindings[index] = binding;
                    changes.Add(new BindingChange(BindingAction.Refreshed, binding));
                }
                else
                {
                    bindings.Add(binding);
                    changes.Add(new BindingChange(BindingAction.Added, binding));
                }
            }
            Store(aor, bindings);
            return changes;
        }
    }

    /// <summary>"Contact: *" with Expires 0: drops every binding unless one with this Call-ID is newer (RFC 3261 10.3 step 6).</summary>
    public IReadOnlyList<BindingChange>? RemoveAll(string aor, string callId, uint cseq)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var bindings = LiveBindings(aor, now, out var expired);
            if (bindings.Exists(b => b.CallId == callId && b.CSeq >= cseq))
            {
                return null;
            }
            var changes = new List<BindingChange>(expired);
            changes.AddRange(bindings.Select(b => new BindingChange(BindingAction.Removed, b)));
            _byAor.Remove(aor);
            return changes;
        }
    }

    public IReadOnlyList<ContactBinding> Lookup(string aor)
    {
        lock (_gate)
        {
            var bindings = LiveBindings(aor, _time.GetUtcNow(), out _);
            Store(aor, bindings);
            return bindings.ToArray();
        }
    }

    public IReadOnlyList<ContactBinding> All()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _byAor.Values.SelectMany(list => list).Where(b => b.ExpiresAt > now).ToArray();
        }
    }

    /// <summary>Drops expired bindings and reports them; the registrar calls this periodically.</summary>
    public IReadOnlyList<BindingChange> Purge()
    {
        var now = _time.GetUtcNow();
        var changes = new List<BindingChange>();
        lock (_gate)
        {
            foreach (var aor in _byAor.Keys.ToArray())
            {
                var bindings = LiveBindings(aor, now, out var expired);
                changes.AddRange(expired);
                Store(aor, bindings);
            }
        }
        return changes;
    }

    private List<ContactBinding> LiveBindings(string aor, DateTimeOffset now, out List<BindingChange> expired)
    {
        expired = [];
        if (!_byAor.TryGetValue(aor, out var list))
        {
            return [];
        }
        var live = new List<ContactBinding>(list.Count);
        foreach (var binding in list)
        {
            if (binding.ExpiresAt > now)
            {
                live.Add(binding);
            }
            else
            {
                expired.Add(new BindingChange(BindingAction.Expired, binding));
            }
        }
        return live;
    }

    private void Store(string aor, List<ContactBinding> bindings)
    {
        if (bindings.Count == 0)
        {
            _byAor.Remove(aor);
        }
        else
        {
            _byAor[aor] = bindings;
        }
    }

    // RFC 3261 19.1.4 compares URIs component-wise; scheme and host are case-insensitive, the user part is not.
    private static bool SameContact(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string uri)
    {
        int at = uri.IndexOf('@');
        return at < 0 ? uri.ToLowerInvariant() : uri[..uri.IndexOf(':')].ToLowerInvariant() + uri[uri.IndexOf(':')..(at + 1)] + uri[(at + 1)..].ToLowerInvariant();
    }
}
