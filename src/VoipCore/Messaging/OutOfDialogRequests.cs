using System.Text;
using VoipCore.Events;
using VoipCore.Registration;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.Transport;
using VoipCore.UserAgent;

namespace VoipCore.Messaging;

/// <summary>
/// OPTIONS and MESSAGE the host sends, from an account (its identity, proxy and credentials) or
/// anonymously. Each gets an id; its final response comes back as a VC_EVENT_REQUEST_RESULT.
/// </summary>
public sealed class OutOfDialogRequests(SipStack stack, EventDispatcher events)
{
    private long _lastId;

    public long Send(string method, string target, Account? account, string? contentType, byte[] body)
    {
        if (method == "MESSAGE" && contentType == null)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "MESSAGE needs a content type");
        }
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(target), out var uri) || !uri.IsSip || uri.HostKind == HostKind.None)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"target '{target}' is not a sip: or sips: URI with a host");
        }
        long id = Interlocked.Increment(ref _lastId);
        _ = Run(id, method, target, account, contentType, body);
        return id;
    }

    private async Task Run(long id, string method, string target, Account? account, string? contentType, byte[] body)
    {
        int code;
        string reason;
        try
        {
            var sent = await SendAsync(method, target, account, contentType, body).ConfigureAwait(false);
            (code, reason) = (sent.Response.StatusCode, sent.Reason);
        }
        catch (VoipException e)
        {
            (code, reason) = (0, e.Message);
        }
        try
        {
            events.Post(new EngineEvent(EventType.RequestResult, account?.Handle ?? 0, Value: code, Value2: id,
                DetailJson: EventJson.Of(new RequestResultDetail(method, target, code, reason))));
        }
        catch (VoipException)
        {
            // The engine stopped while the request was out.
        }
    }

    /// <summary>Sends one request and returns its final response (also used by account keep-alives).</summary>
    public Task<SentRequest> SendAsync(string method, string target, Account? account, string? contentType, byte[] body)
    {
        string from = account?.Identity.NameAddr ?? "<sip:anonymous@anonymous.invalid>";
        string callId = BranchIds.NewCallId();
        string fromTag = BranchIds.NewTag();
        return AuthenticatingSender.SendAsync(stack, account?.Credentials, 1, (cseq, auth) => new RequestSpec(method, target, from, $"<{target}>", callId, cseq, fromTag)
        {
            OutboundProxy = account?.Identity.Settings.Proxy,
            ContentType = contentType,
            Body = body,
            Headers = auth,
        }, account?.Identity.Transport);
    }
}
