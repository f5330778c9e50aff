using System.Text;
using VoipCore.Sip;
using VoipCore.Transactions;
using VoipCore.UserAgent;

namespace VoipCore.Messaging;

/// <summary>Answers OPTIONS (RFC 3261 11.2) with 200 and what we can do: Allow, Accept, Supported.</summary>
public sealed class OptionsHandler(SipStack stack) : IRequestHandler
{
    public void OnRequest(ServerTransaction transaction)
    {
        var response = transaction.CreateResponse(200);
        response.Add(HeaderId.Allow, string.Join(", ", stack.HandledMethods.Select(m => Encoding.ASCII.GetString(SipMethods.GetName(m)))));
        response.Add(HeaderId.Accept, "application/sdp, text/plain");
        if (stack.Transactions.SupportedExtensions.Count > 0)
        {
            response.Add(HeaderId.Supported, string.Join(", ", stack.Transactions.SupportedExtensions));
        }
        transaction.Respond(response);
    }
}
