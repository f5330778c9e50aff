using VoipCore.Transport;

namespace VoipCore.Registration;

/// <summary>One registered contact of an address-of-record (RFC 3261 10.3).</summary>
public sealed record ContactBinding(string Aor, string ContactUri, DateTimeOffset ExpiresAt, string CallId, uint CSeq, TransportAddress Source)
{
    public int SecondsLeft(DateTimeOffset now) => Math.Max(0, (int)Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
