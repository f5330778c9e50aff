using System.Text;
using VoipCore.Events;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.UserAgent;

namespace VoipCore.Messaging;

/// <summary>Receives MESSAGE (RFC 3428): accepts it with 200 and hands sender, type and text to the host as an event.</summary>
public sealed class MessageHandler(EventDispatcher events) : IRequestHandler
{
    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        string contentType = request.TryGetFirst(HeaderId.ContentType, out var type) ? SipText.Decode(type.Span) : "text/plain";
        var detail = new MessageDetail(
            request.TryGetFirst(HeaderId.From, out var from) ? SipText.Decode(from.Span) : "",
            request.TryGetFirst(HeaderId.To, out var to) ? SipText.Decode(to.Span) : "",
            contentType,
            Encoding.UTF8.GetString(request.Body.Span),
            transaction.Source.Remote.ToString());
        transaction.Respond(200);
        events.Post(new EngineEvent(EventType.MessageReceived, Value: request.Body.Length, DetailJson: EventJson.Of(detail)));
    }
}
