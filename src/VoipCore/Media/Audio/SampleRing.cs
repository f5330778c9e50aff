namespace VoipCore.Media.Audio;

/// <summary>
/// A bounded FIFO of samples between two threads. Writing into a full ring drops the oldest samples, which
/// bounds latency when the reader is slower than the writer; reads never block. A lock (held only for a copy
/// of at most the capacity) keeps it simple: dropping the oldest means the writer moves the reader's index too.
/// </summary>
internal sealed class SampleRing
{
    private readonly Lock _gate = new();
    private readonly short[] _buffer;
    private int _start;
    private int _count;
    private long _droppedSamples;
    private long _underruns;

    public SampleRing(int capacity) => _buffer = new short[capacity];

    public int Capacity => _buffer.Length;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Samples discarded to make room for newer ones.</summary>
    public long DroppedSamples
    {
        get
        {
            lock (_gate)
            {
                return _droppedSamples;
            }
        }
    }

    /// <summary>Reads that asked for more than the ring held.</summary>
    public long Underruns
    {
        get
        {
            lock (_gate)
            {
                return _underruns;
            }
        }
    }

    /// <summary>Appends <paramref name="samples"/>, dropping the oldest held (or, for input longer than the
    /// capacity, its own oldest) samples; returns how many of <paramref name="samples"/> are now held.</summary>
    public int Write(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            if (samples.Length > _buffer.Length)
            {
                _droppedSamples += samples.Length - _buffer.Length;
                samples = samples[^_buffer.Length..];
            }

            int overflow = _count + samples.Length - _buffer.Length;
            if (overflow > 0)
            {
                _droppedSamples += overflow;
                _start = (_start + overflow) % _buffer.Length;
                _count -= overflow;
            }

            int end = (_start + _count) % _buffer.Length;
            int first = Math.Min(samples.Length, _buffer.Length - end);
            samples[..first].CopyTo(_buffer.AsSpan(end));
            samples[first..].CopyTo(_buffer);
            _count += samples.Length;
            return samples.Length;
        }
    }

    /// <summary>Copies up to <paramref name="into"/>.Length oldest samples out; returns the number copied.
    /// Copying fewer than asked counts an underrun.</summary>
    public int Read(Span<short> into)
    {
        lock (_gate)
        {
            int length = Math.Min(into.Length, _count);
            if (length < into.Length)
            {
                _underruns++;
            }

            Take(into[..length]);
            return length;
        }
    }

    /// <summary>Copies exactly <paramref name="into"/>.Length samples out, or nothing (counting an underrun)
    /// when fewer are held.</summary>
    public bool TryReadExactly(Span<short> into)
    {
        lock (_gate)
        {
            if (into.Length > _count)
            {
                _underruns++;
                return false;
            }

            Take(into);
            return true;
        }
    }

    private void Take(Span<short> into)
    {
        int first = Math.Min(into.Length, _buffer.Length - _start);
        _buffer.AsSpan(_start, first).CopyTo(into);
        _buffer.AsSpan(0, into.Length - first).CopyTo(into[first..]);
        _start = (_start + into.Length) % _buffer.Length;
        _count -= into.Length;
    }
}
