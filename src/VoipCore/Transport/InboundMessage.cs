namespace VoipCore.Transport;

/// <summary>
/// One framed SIP message as received: the bytes (owned by the message), where it came from,
/// the local address it arrived on, and for stream transports the connection to answer on.
/// </summary>
public sealed class InboundMessage(ReadOnlyMemory<byte> data, TransportAddress remote, TransportAddress local, ISipConnection? connection)
{
    public ReadOnlyMemory<byte> Data { get; } = data;
    public TransportAddress Remote { get; } = remote;
    public TransportAddress Local { get; } = local;
    public ISipConnection? Connection { get; } = connection;
}
