using VoipCore.Sip;

namespace VoipCore.Transactions;

/// <summary>The transaction user of a client transaction. Calls arrive on I/O or timer threads, never under a lock.</summary>
public interface IClientTransactionOwner
{
    /// <summary>A provisional or final response. For INVITE, every 2xx (forks and retransmissions) arrives here so the owner can ACK it.</summary>
    void OnResponse(ClientTransaction transaction, SipMessage response);

    /// <summary>Timer B or F fired with no final response (the owner treats it as 408).</summary>
    void OnTimeout(ClientTransaction transaction);

    /// <summary>The request could not be sent (the owner treats it as 503, RFC 3261 8.1.3.1).</summary>
    void OnTransportError(ClientTransaction transaction, Exception error);
}
