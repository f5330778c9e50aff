using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>
/// A view of an SDES packet's body (RFC 3550 section 6.5): chunks of an SSRC and its items. Enumerate with
/// foreach to get every item; the enumerator is a struct, so reading allocates nothing.
/// </summary>
public readonly ref struct RtcpSourceDescription
{
    private readonly ReadOnlySpan<byte> _body;

    internal RtcpSourceDescription(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        ChunkCount = chunkCount;
    }

    /// <summary>Number of chunks (sources described).</summary>
    public int ChunkCount { get; }

    /// <summary>An enumerator over all items of all chunks.</summary>
    public Enumerator GetEnumerator() => new(_body, ChunkCount);

    /// <summary>The first CNAME item and the source it names; false when no chunk has one.</summary>
    public bool TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname)
    {
        foreach (var item in this)
        {
            if (item.Type == RtcpSdesItemType.Cname)
            {
                ssrc = item.Ssrc;
                cname = item.Value;
                return true;
            }
        }
        ssrc = 0;
        cname = default;
        return false;
    }

    /// <summary>Whether every announced chunk and its items fit in the body.</summary>
    internal static bool IsValid(ReadOnlySpan<byte> body, int chunkCount)
    {
        var items = new Enumerator(body, chunkCount);
        while (items.MoveNext())
        {
        }
        return !items.Malformed;
    }

    /// <summary>Walks the chunks and items; stops (with <see cref="Malformed"/> set) at the first that does not fit.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _body;
        private int _chunksLeft;
        private int _position;
        private bool _inChunk;
        private uint _ssrc;
        private RtcpSdesItem _current;

        internal Enumerator(ReadOnlySpan<byte> body, int chunkCount)
        {
            _body = body;
            _chunksLeft = chunkCount;
        }

        /// <summary>The item at the enumerator's position.</summary>
        public readonly RtcpSdesItem Current => _current;

        internal bool Malformed { get; private set; }

        /// <summary>Moves to the next item; false at the end or at a malformed chunk.</summary>
        public bool MoveNext()
        {
            while (!Malformed)
            {
                if (!_inChunk)
                {
                    if (_chunksLeft == 0)
                    {
                        return false;
                    }
                    if (_position + 4 > _body.Length)
                    {
                        break;
                    }
                    _ssrc = BinaryPrimitives.ReadUInt32BigEndian(_body[_position..]);
                    _position += 4;
                    _chunksLeft--;
                    _inChunk = true;
                }
                if (_position >= _body.Length)
                {
                    break;
                }
                if (_body[_position] == (byte)RtcpSdesItemType.End)
                {
                    // The item list ends with a null octet, then nulls up to the next 32-bit boundary.
                    _position = (_position + 4) & ~3;
                    if (_position > _body.Length)
                    {
                        break;
                    }
                    _inChunk = false;
                    continue;
                }
                if (_position + 2 > _body.Length || _position + 2 + _body[_position + 1] > _body.Length)
                {
                    break;
                }
                var length = _body[_position + 1];
                _current = new RtcpSdesItem(_ssrc, (RtcpSdesItemType)_body[_position], _body.Slice(_position + 2, length));
                _position += 2 + length;
                return true;
            }
            Malformed = true;
            return false;
        }
    }
}
