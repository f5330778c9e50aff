using System.Buffers.Binary;

namespace VoipCore.Media.Audio;

/// <summary>
/// Writes a 16-bit PCM WAV file (mono, or stereo from interleaved samples) as a stream of appends. The header's
/// sizes are rewritten by <see cref="Flush"/> and <see cref="Dispose"/>, so if the process dies the file holds
/// a valid WAV of everything written up to the last flush. Not thread-safe.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private const int HeaderBytes = 44;

    /// <summary>The RIFF size field (data + 36) must fit in 32 bits.</summary>
    private const long MaxDataBytes = uint.MaxValue - (HeaderBytes - 8);

    private readonly FileStream _file;
    private readonly byte[] _scratch = new byte[4096];
    private long _dataBytes;
    private bool _disposed;

    /// <summary>Creates (or replaces) <paramref name="path"/> with an empty WAV of <paramref name="channels"/>
    /// (1 or 2) channels at <paramref name="sampleRate"/> Hz.</summary>
    public WavWriter(string path, int sampleRate, int channels = 1)
    {
        if (sampleRate < Resampler.MinRate || sampleRate > Resampler.MaxRate)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"WAV sample rate {sampleRate} Hz is outside {Resampler.MinRate}..{Resampler.MaxRate} Hz");
        }

        if (channels is not (1 or 2))
        {
            throw new VoipException(ErrorCode.InvalidArgument, "a WAV writer takes 1 or 2 channels");
        }

        Path = path;
        SampleRate = sampleRate;
        Channels = channels;
        try
        {
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
            WriteHeader();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file?.Dispose();
            throw IoFailure(e);
        }

        Flush();
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Sample frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>1 (mono) or 2 (stereo, interleaved left then right).</summary>
    public int Channels { get; }

    /// <summary>Sample frames written so far (flushed or not).</summary>
    public long FrameCount => _dataBytes / (2 * Channels);

    /// <summary>
    /// Appends <paramref name="samples"/> (interleaved when stereo, so a multiple of <see cref="Channels"/>).
    /// Returns false, writing nothing, when they would take the file past the 4 GB a RIFF size can describe.
    /// </summary>
    public bool Write(ReadOnlySpan<short> samples)
    {
        ThrowIfClosed();
        if (samples.Length % Channels != 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"{samples.Length} samples are not whole stereo frames");
        }

        if (_dataBytes + 2L * samples.Length > MaxDataBytes)
        {
            return false;
        }

        try
        {
            while (!samples.IsEmpty)
            {
                int count = Math.Min(samples.Length, _scratch.Length / 2);
                for (int i = 0; i < count; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(_scratch.AsSpan(2 * i), samples[i]);
                }

                _file.Write(_scratch, 0, 2 * count);
                _dataBytes += 2 * count;
                samples = samples[count..];
            }
        }
        catch (IOException e)
        {
            throw IoFailure(e);
        }

        return true;
    }

    /// <summary>Rewrites the header's sizes and hands everything written to the operating system.</summary>
    public void Flush()
    {
        ThrowIfClosed();
        try
        {
            long end = _file.Position;
            WriteUInt32At(4, (uint)(_dataBytes + HeaderBytes - 8));
            WriteUInt32At(HeaderBytes - 4, (uint)_dataBytes);
            _file.Position = end;
            _file.Flush();
        }
        catch (IOException e)
        {
            throw IoFailure(e);
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Flush();
        }
        finally
        {
            _disposed = true;
            _file.Dispose();
        }
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], HeaderBytes - 8);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(SampleRate * Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)(Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], 0);
        _file.Write(header);
    }

    private void WriteUInt32At(long offset, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        _file.Position = offset;
        _file.Write(bytes);
    }

    private void ThrowIfClosed()
    {
        if (_disposed)
        {
            throw new VoipException(ErrorCode.InvalidState, $"{Path}: the WAV writer is closed");
        }
    }

    private VoipException IoFailure(Exception e) => new(ErrorCode.Io, $"{Path}: {e.Message}");
}
