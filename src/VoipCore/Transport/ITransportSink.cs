namespace VoipCore.Transport;

/// <summary>What the transport layer hands upward. Called on I/O threads; implementations must not block.</summary>
public interface ITransportSink
{
    void OnMessage(InboundMessage message);

    /// <summary>A message larger than the configured maximum: <paramref name="head"/> holds its first bytes, so the layer above can answer 513 when it can.</summary>
    void OnOversized(ReadOnlyMemory<byte> head, TransportAddress remote, ISipConnection? connection);
}
