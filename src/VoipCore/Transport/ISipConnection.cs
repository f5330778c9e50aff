namespace VoipCore.Transport;

/// <summary>A connection-oriented transport link (TCP, TLS, WS, WSS) that messages can be sent on.</summary>
public interface ISipConnection
{
    TransportAddress Remote { get; }
    TransportAddress Local { get; }
    bool IsOpen { get; }
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation);
    void Close();
}

/// <summary>A connection the transport layer starts reading once it is in the connection table.</summary>
internal interface IStartableConnection : ISipConnection
{
    void Start();
}
