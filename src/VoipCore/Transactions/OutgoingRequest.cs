using VoipCore.Sip;
using VoipCore.Transport;

namespace VoipCore.Transactions;

/// <summary>A request ready to send: its bytes (with our Via and branch on top), its parsed form and where it goes.</summary>
public sealed class OutgoingRequest
{
    public byte[] Bytes { get; }
    public SipMessage Message { get; }
    public TransportAddress Destination { get; }
    public string? ServerName { get; }
    public string Branch { get; }

    public OutgoingRequest(byte[] bytes, TransportAddress destination, string branch, string? serverName = null)
    {
        Bytes = bytes;
        Message = SipMessage.Parse(bytes);
        Destination = destination;
        Branch = branch;
        ServerName = serverName;
    }

    public SipMethod Method => Message.Method;
}
