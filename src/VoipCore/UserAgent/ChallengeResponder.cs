using VoipCore.Auth;
using VoipCore.Sip;

namespace VoipCore.UserAgent;

/// <summary>
/// Answers 401/407 challenges for one set of credentials (RFC 3261 22.2/22.3): picks the strongest
/// challenge we can answer per realm and keeps the Authorization lines to reuse on the next request
/// (so refreshes do not pay a round trip each time). Gives up when the server rejects what we sent.
/// </summary>
public sealed class ChallengeResponder(DigestClient digest)
{
    private readonly List<(HeaderId Id, DigestChallenge Challenge)> _challenges = [];
    private readonly Lock _gate = new();

    public string Username => digest.Username;

    /// <summary>
    /// Takes the challenges of a 401/407; false when there is nothing we may answer (wrong
    /// credentials or no usable challenge). <paramref name="freshChallenge"/> says the refused request
    /// carried no credentials made in this exchange: none at all, or ones cached from an earlier
    /// exchange (a server that restarted has forgotten that nonce). Its challenge is then a fresh
    /// start, not a verdict on credentials another request (a REGISTER in flight) is still waiting on.
    /// </summary>
    public bool Accept(SipMessage response, bool freshChallenge, out string reason)
    {
        var header = response.StatusCode == 407 ? HeaderId.ProxyAuthenticate : HeaderId.WwwAuthenticate;
        var parsed = new List<DigestChallenge>();
        foreach (var value in response.GetValues(header))
        {
            if (DigestChallenge.TryParseAll(SipText.Decode(value.Span), out var challenges, out _))
            {
                parsed.AddRange(challenges);
            }
        }
        var chosen = DigestChallengeSelector.SelectStrongestPerRealm(parsed, digest.CanAnswer);
        if (chosen.Count == 0)
        {
            reason = parsed.Count == 0 ? "no digest challenge in the response" : "no challenge we can answer (algorithm or realm)";
            return false;
        }
        lock (_gate)
        {
            if (freshChallenge)
            {
                foreach (var (_, cached) in _challenges)
                {
                    digest.MarkAccepted(cached.Realm);
                }
            }
            foreach (var challenge in chosen)
            {
                if (!digest.ShouldRetry(challenge))
                {
                    reason = $"credentials for realm \"{challenge.Realm}\" were refused";
                    return false;
                }
                _challenges.RemoveAll(c => c.Challenge.Realm == challenge.Realm);
                _challenges.Add((header == HeaderId.ProxyAuthenticate ? HeaderId.ProxyAuthorization : HeaderId.Authorization, challenge));
            }
        }
        reason = "";
        return true;
    }

    /// <summary>The authorization lines for a request, computed fresh (nonce count moves on).</summary>
    public IReadOnlyList<(HeaderId Id, string Value)> Authorize(string method, string requestUri, ReadOnlySpan<byte> body)
    {
        lock (_gate)
        {
            var lines = new List<(HeaderId, string)>(_challenges.Count);
            foreach (var (id, challenge) in _challenges)
            {
                lines.Add((id, digest.Authorize(challenge, method, requestUri, body)));
            }
            return lines;
        }
    }

    /// <summary>A 2xx (or any non-401/407 answer) proves the credentials: a later challenge starts afresh.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            foreach (var (_, challenge) in _challenges)
            {
                digest.MarkAccepted(challenge.Realm);
            }
        }
    }
}
