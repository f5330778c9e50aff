namespace VoipCore.Transactions;

/// <summary>Told when a server INVITE transaction gives up waiting for the ACK of its failure response (timer H).</summary>
public interface IServerTransactionOwner
{
    void OnAckTimeout(ServerTransaction transaction);
}
