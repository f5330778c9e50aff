namespace VoipCore.Auth;

/// <summary>
/// Picks which of several offered challenges to answer. RFC 8760 section 2.4 lets a server offer one challenge
/// per algorithm, most preferred first, and lets local policy choose; the policy here is the strongest hash we
/// can answer, ties going to the topmost (the server's preference).
/// </summary>
public static class DigestChallengeSelector
{
    /// <summary>The strongest usable challenge, or null when none is usable.</summary>
    /// <param name="challenges">Challenges in header order.</param>
    /// <param name="usable">Extra filter (e.g. the client's secret can answer it); supported-ness is always required.</param>
    public static DigestChallenge? SelectStrongest(IEnumerable<DigestChallenge> challenges, Func<DigestChallenge, bool>? usable = null)
    {
        DigestChallenge? best = null;
        foreach (var challenge in challenges)
        {
            if (IsUsable(challenge, usable) && (best is null || challenge.Algorithm.Strength() > best.Algorithm.Strength()))
            {
                best = challenge;
            }
        }
        return best;
    }

    /// <summary>
    /// The strongest usable challenge for each realm, in order of first appearance. A SIP request may be
    /// challenged by several proxies at once and must answer each realm.
    /// </summary>
    public static IReadOnlyList<DigestChallenge> SelectStrongestPerRealm(IEnumerable<DigestChallenge> challenges, Func<DigestChallenge, bool>? usable = null)
    {
        var byRealm = new List<DigestChallenge>();
        foreach (var challenge in challenges)
        {
            if (!IsUsable(challenge, usable))
            {
                continue;
            }
            var index = byRealm.FindIndex(c => c.Realm == challenge.Realm);
            if (index < 0)
            {
                byRealm.Add(challenge);
            }
            else if (challenge.Algorithm.Strength() > byRealm[index].Algorithm.Strength())
            {
                byRealm[index] = challenge;
            }
        }
        return byRealm;
    }

    private static bool IsUsable(DigestChallenge challenge, Func<DigestChallenge, bool>? usable) =>
        challenge.IsSupported && (usable is null || usable(challenge));
}
