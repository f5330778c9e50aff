namespace VoipCore.Sdp;

/// <summary>A c= line.</summary>
/// <param name="Address">The address without its multicast suffixes.</param>
/// <param name="Ttl">The multicast TTL of an IP4 address (<c>/ttl</c>), if present.</param>
/// <param name="AddressCount">The number of consecutive multicast addresses (<c>/count</c>), if present.</param>
public sealed record ConnectionData(
    string NetType,
    string AddressType,
    string Address,
    int? Ttl = null,
    int? AddressCount = null)
{
    /// <summary>A unicast Internet address; the address type follows from the address text.</summary>
    public static ConnectionData ForAddress(string address) =>
        new("IN", SdpAddress.TypeOf(address), address);

    /// <summary>
    /// True for the RFC 2543 hold address (0.0.0.0, or :: for IP6): the peer asks not to be sent media.
    /// </summary>
    public bool IsUnspecifiedAddress => Address is "0.0.0.0" or "::";

    /// <summary>The c= value: <c>nettype addrtype address[/ttl][/count]</c>.</summary>
    public override string ToString()
    {
        var text = $"{NetType} {AddressType} {Address}";
        if (Ttl is int ttl)
        {
            text += "/" + ttl;
        }
        if (AddressCount is int count)
        {
            text += "/" + count;
        }
        return text;
    }
}
