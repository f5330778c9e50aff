using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.Transport;

namespace VoipCore.UserAgent;

/// <summary>
/// Sends a non-INVITE request and, when challenged, sends it again with credentials: a new
/// branch and the next CSeq each time (RFC 3261 22.2), a few rounds at most.
/// </summary>
public static class AuthenticatingSender
{
    private const int MaxRounds = 3;

    /// <summary>
    /// <paramref name="specFor"/> builds the request for a CSeq number and authorization lines.
    /// Returns the final response, the last CSeq used and, when a challenge could not be answered, why.
    /// </summary>
    public static async Task<SentRequest> SendAsync(SipStack stack, ChallengeResponder? credentials,
        uint firstCSeq, Func<uint, IReadOnlyList<(HeaderId Id, string Value)>, RequestSpec> specFor, TransportProtocol? transport = null)
    {
        uint cseq = firstCSeq;
        for (int round = 0; ; round++, cseq++)
        {
            var probe = specFor(cseq, []);
            var auth = credentials?.Authorize(probe.Method, probe.RequestUri, probe.Body.Span) ?? [];
            var spec = auth.Count == 0 ? probe : specFor(cseq, auth);
            var request = await stack.BuildAsync(spec, transport).ConfigureAwait(false);
            var response = await stack.Transactions.SendAsync(request).ConfigureAwait(false);
            if (response.StatusCode is not (401 or 407))
            {
                if (response.StatusCode < 300)
                {
                    credentials?.Succeeded();
                }
                return new SentRequest(response, request, cseq, null);
            }
            if (credentials == null)
            {
                return new SentRequest(response, request, cseq, "the server asks for credentials and none are configured");
            }
            if (round == MaxRounds)
            {
                return new SentRequest(response, request, cseq, "the server kept challenging the credentials");
            }
            if (!credentials.Accept(response, freshChallenge: round == 0, out string refused))
            {
                return new SentRequest(response, request, cseq, refused);
            }
        }
    }
}

/// <summary>The outcome of <see cref="AuthenticatingSender.SendAsync"/>.</summary>
public sealed record SentRequest(SipMessage Response, OutgoingRequest Request, uint CSeq, string? AuthFailure)
{
    /// <summary>The reason to report: why authentication failed, else the response's reason phrase.</summary>
    public string Reason => AuthFailure ?? Response.GetReasonPhrase();
}
