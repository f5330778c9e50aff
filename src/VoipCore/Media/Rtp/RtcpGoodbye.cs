using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>A view of a BYE packet's body (RFC 3550 section 6.6): the leaving sources and an optional reason.</summary>
public readonly ref struct RtcpGoodbye
{
    private readonly ReadOnlySpan<byte> _body;

    internal RtcpGoodbye(ReadOnlySpan<byte> body, int sourceCount)
    {
        _body = body;
        SourceCount = sourceCount;
    }

    /// <summary>Number of sources leaving.</summary>
    public int SourceCount { get; }

    /// <summary>Source <paramref name="index"/> (0 to <see cref="SourceCount"/> - 1).</summary>
    public uint GetSsrc(int index)
    {
        if ((uint)index >= (uint)SourceCount)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "BYE source index out of range");
        }
        return BinaryPrimitives.ReadUInt32BigEndian(_body[(4 * index)..]);
    }

    /// <summary>The UTF-8 reason for leaving; empty when none was given.</summary>
    public ReadOnlySpan<byte> Reason =>
        _body.Length > 4 * SourceCount ? _body.Slice(4 * SourceCount + 1, _body[4 * SourceCount]) : [];

    /// <summary>Whether the sources and the reason its length octet announces fit in the body.</summary>
    internal static bool IsValid(ReadOnlySpan<byte> body, int sourceCount) =>
        body.Length >= 4 * sourceCount &&
        (body.Length == 4 * sourceCount || 4 * sourceCount + 1 + body[4 * sourceCount] <= body.Length);
}
