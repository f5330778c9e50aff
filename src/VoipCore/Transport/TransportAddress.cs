using System.Net;

namespace VoipCore.Transport;

/// <summary>A transport and an IP end point: where a message came from or goes to.</summary>
public readonly record struct TransportAddress(TransportProtocol Protocol, IPEndPoint EndPoint)
{
    public override string ToString() => $"{Protocol.ViaName().ToLowerInvariant()}:{EndPoint}";
}
