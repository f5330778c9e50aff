namespace VoipCore.Media.Rtp;

/// <summary>One SDES item with the SSRC of the chunk it came in.</summary>
public readonly ref struct RtcpSdesItem
{
    internal RtcpSdesItem(uint ssrc, RtcpSdesItemType type, ReadOnlySpan<byte> value)
    {
        Ssrc = ssrc;
        Type = type;
        Value = value;
    }

    /// <summary>The source the item describes.</summary>
    public uint Ssrc { get; }

    /// <summary>The item type (unknown types pass through as numbers).</summary>
    public RtcpSdesItemType Type { get; }

    /// <summary>The item's UTF-8 text; a slice of the received packet.</summary>
    public ReadOnlySpan<byte> Value { get; }
}
