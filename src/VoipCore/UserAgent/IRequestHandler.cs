using VoipCore.Transactions;

namespace VoipCore.UserAgent;

/// <summary>Handles the requests of one method; must respond through the transaction (now or later).</summary>
public interface IRequestHandler
{
    void OnRequest(ServerTransaction transaction);
}
