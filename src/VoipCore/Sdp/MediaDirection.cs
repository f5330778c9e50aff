namespace VoipCore.Sdp;

/// <summary>
/// The direction attribute (RFC 4566 section 6, RFC 3264 section 5.1), always from the point of view of
/// the side that wrote it. The two flags compose: sendrecv = send | receive.
/// </summary>
[Flags]
public enum MediaDirection
{
    Inactive = 0,
    SendOnly = 1,
    RecvOnly = 2,
    SendRecv = SendOnly | RecvOnly,
}

/// <summary>Conversions between directions and their attribute names, and the offer/answer algebra.</summary>
public static class MediaDirectionExtensions
{
    /// <summary>True if the side that wrote this direction sends media.</summary>
    public static bool CanSend(this MediaDirection direction) => (direction & MediaDirection.SendOnly) != 0;

    /// <summary>True if the side that wrote this direction receives media.</summary>
    public static bool CanReceive(this MediaDirection direction) => (direction & MediaDirection.RecvOnly) != 0;

    /// <summary>The same direction seen from the other side: sendonly becomes recvonly and vice versa.</summary>
    public static MediaDirection Reverse(this MediaDirection direction) =>
        (direction.CanSend() ? MediaDirection.RecvOnly : 0) | (direction.CanReceive() ? MediaDirection.SendOnly : 0);

    /// <summary>What both sides allow: each flag survives only if both have it.</summary>
    public static MediaDirection Intersect(this MediaDirection direction, MediaDirection other) => direction & other;

    /// <summary>The attribute name: sendrecv, sendonly, recvonly or inactive.</summary>
    public static string ToAttributeName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendRecv => "sendrecv",
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        _ => "inactive",
    };

    /// <summary>Reads a direction attribute name (case-sensitive, as RFC 4566 defines attribute names).</summary>
    public static bool TryParse(string name, out MediaDirection direction)
    {
        switch (name)
        {
            case "sendrecv": direction = MediaDirection.SendRecv; return true;
            case "sendonly": direction = MediaDirection.SendOnly; return true;
            case "recvonly": direction = MediaDirection.RecvOnly; return true;
            case "inactive": direction = MediaDirection.Inactive; return true;
            default: direction = MediaDirection.SendRecv; return false;
        }
    }
}
