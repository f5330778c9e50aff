using System.Net;
using System.Net.Sockets;

namespace VoipCore.Sdp;

/// <summary>Address-type helpers shared by the o= and c= lines we write.</summary>
internal static class SdpAddress
{
    /// <summary>"IP6" for an IPv6 literal, otherwise "IP4" (host names included, as peers expect).</summary>
    public static string TypeOf(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
}
