using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>What the transaction layer hands to the layer above (the "TU" of RFC 3261). Calls come on I/O threads.</summary>
public interface ITransactionUser
{
    /// <summary>A new request (not ACK or CANCEL) with its server transaction; the TU must respond through it.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>A CANCEL matched this INVITE; the layer already answered the CANCEL with 200, the TU should answer the INVITE with 487.</summary>
    void OnCancel(InviteServerTransaction invite, SipMessage cancel);

    /// <summary>An ACK that belongs to no transaction: the ACK for a 2xx (RFC 3261 17.1.1.3 / 13.3.1.4).</summary>
    void OnAck(SipMessage ack, InboundMessage source);

    /// <summary>A response matching no client transaction, e.g. a 2xx retransmitted after the INVITE transaction ended.</summary>
    void OnStrayResponse(SipMessage response, InboundMessage source);
}
