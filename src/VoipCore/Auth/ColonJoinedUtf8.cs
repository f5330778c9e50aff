using System.Buffers;
using System.Text;

namespace VoipCore.Auth;

/// <summary>
/// Accumulates "part1:part2:..." as UTF-8 in a caller-supplied (usually stack) buffer, renting from the
/// array pool only when the parts outgrow it. Digest hashes are always taken over such colon-joined input.
/// </summary>
internal ref struct ColonJoinedUtf8
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;
    private bool _hasPart;

    public ColonJoinedUtf8(Span<byte> initialBuffer)
    {
        _buffer = initialBuffer;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void Add(ReadOnlySpan<char> part)
    {
        var needed = (_hasPart ? 1 : 0) + Encoding.UTF8.GetByteCount(part);
        EnsureCapacity(needed);
        if (_hasPart)
        {
            _buffer[_length++] = (byte)':';
        }
        _length += Encoding.UTF8.GetBytes(part, _buffer[_length..]);
        _hasPart = true;
    }

    public void Dispose()
    {
        ReleaseBuffer();
        _length = 0;
    }

    private void EnsureCapacity(int additional)
    {
        if (_length + additional <= _buffer.Length)
        {
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer[.._length].CopyTo(larger);
        ReleaseBuffer();
        _rented = larger;
        _buffer = larger;
    }

    private void ReleaseBuffer()
    {
        // Inputs include passwords: wipe them from the stack or pooled array before letting go.
        _buffer[.._length].Clear();
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
