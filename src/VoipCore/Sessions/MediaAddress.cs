using System.Net;
using System.Net.Sockets;

namespace VoipCore.Sessions;

/// <summary>The local address RTP should use: the one our signalling uses, or, when that is a wildcard, the one the OS routes towards the peer.</summary>
public static class MediaAddress
{
    public static IPAddress For(IPAddress signalling, IPAddress remote)
    {
        if (!signalling.Equals(IPAddress.Any) && !signalling.Equals(IPAddress.IPv6Any))
        {
            return signalling.IsIPv4MappedToIPv6 ? signalling.MapToIPv4() : signalling;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        try
        {
            // Connecting a UDP socket sends nothing: it only asks the routing table which source address it would use.
            using var probe = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(new IPEndPoint(remote, 9));
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        }
        catch (SocketException)
        {
            return remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }
    }
}
