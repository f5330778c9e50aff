using System.Buffers.Binary;

namespace VoipCore.Media.Audio;

/// <summary>
/// Reads a RIFF/WAVE file as mono 16-bit samples at the file's own rate: PCM of 8 (unsigned), 16, 24 or 32 bits
/// or 32-bit float, plain or WAVE_FORMAT_EXTENSIBLE, any channel count up to 16 (averaged to mono).
/// Chunks other than "fmt " and "data" are skipped. A data chunk longer than the file (a recording cut short)
/// is read up to the last whole sample frame present.
/// </summary>
public sealed class WavReader : IDisposable
{
    private const int MaxChannels = 16;
    private const int ScratchBytes = 8192;
    private const ushort FormatPcm = 1, FormatFloat = 3, FormatExtensible = 0xFFFE;

    private readonly Stream _stream;
    private readonly byte[] _scratch = new byte[ScratchBytes];
    private readonly int _blockAlign;
    private long _framesLeft;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="VoipException"/> with
    /// <see cref="ErrorCode.NotFound"/>, <see cref="ErrorCode.Io"/> or, for content that is not a supported WAV,
    /// <see cref="ErrorCode.InvalidArgument"/> ("path: not a PCM WAV (reason)").</summary>
    public WavReader(string path)
        : this(Open(path), path)
    {
    }

    /// <summary>Reads from <paramref name="stream"/>, which the reader then owns and disposes;
    /// <paramref name="name"/> names it in error messages.</summary>
    public WavReader(Stream stream, string name)
    {
        _stream = stream;
        Name = name;
        try
        {
            long dataBytes = ReadHeaders(out int sampleRate, out int channels, out WavSampleFormat format, out int bits);
            SampleRate = sampleRate;
            Channels = channels;
            SampleFormat = format;
            BitsPerSample = bits;
            _blockAlign = channels * bits / 8;
            FrameCount = dataBytes / _blockAlign;
            _framesLeft = FrameCount;
        }
        catch (Exception e)
        {
            stream.Dispose();
            if (e is IOException)
            {
                throw new VoipException(ErrorCode.Io, $"{name}: {e.Message}");
            }

            throw;
        }
    }

    /// <summary>The path or name the reader was opened with.</summary>
    public string Name { get; }

    /// <summary>Sample frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Channels in the file (reads return their average).</summary>
    public int Channels { get; }

    /// <summary>Sample encoding in the file.</summary>
    public WavSampleFormat SampleFormat { get; }

    /// <summary>Bits per sample in the file.</summary>
    public int BitsPerSample { get; }

    /// <summary>Sample frames in the data chunk (each gives one mono sample).</summary>
    public long FrameCount { get; }

    /// <summary>Playing time of the data chunk.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / SampleRate);

    /// <summary>Reads up to <paramref name="mono"/>.Length samples; returns the number read, 0 at the end.</summary>
    public int Read(Span<short> mono)
    {
        int wanted = (int)Math.Min(mono.Length, _framesLeft);
        int framesPerRead = ScratchBytes / _blockAlign;
        int done = 0;
        while (done < wanted)
        {
            int frames = Math.Min(wanted - done, framesPerRead);
            int got = ReadAtMost(frames * _blockAlign) / _blockAlign;
            Downmix(_scratch.AsSpan(0, got * _blockAlign), mono.Slice(done, got));
            done += got;
            _framesLeft -= got;
            if (got < frames)
            {
                _framesLeft = 0;
            }
        }

        return done;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _stream.Dispose();

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new VoipException(ErrorCode.NotFound, $"{path}: file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoipException(ErrorCode.Io, $"{path}: {e.Message}");
        }
    }

    /// <summary>Walks the chunks up to the start of the data; returns the data length in bytes.</summary>
    private long ReadHeaders(out int sampleRate, out int channels, out WavSampleFormat format, out int bits)
    {
        Span<byte> header = _scratch.AsSpan(0, 12);
        if (ReadAtMost(12) < 12 || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw NotPcm("no RIFF/WAVE header");
        }

        bool haveFormat = false;
        (sampleRate, channels, format, bits) = (0, 0, WavSampleFormat.Pcm16, 0);
        while (true)
        {
            if (ReadAtMost(8) < 8)
            {
                throw NotPcm(haveFormat ? "no data chunk" : "no fmt chunk");
            }

            uint size = BinaryPrimitives.ReadUInt32LittleEndian(_scratch.AsSpan(4, 4));
            if (_scratch.AsSpan(0, 4).SequenceEqual("data"u8))
            {
                if (!haveFormat)
                {
                    throw NotPcm("data chunk before the fmt chunk");
                }

                long available = _stream.CanSeek ? _stream.Length - _stream.Position : long.MaxValue;
                return Math.Min(size, available);
            }

            long skip = size + (size & 1);
            if (_scratch.AsSpan(0, 4).SequenceEqual("fmt "u8))
            {
                int length = (int)Math.Min(size, 40);
                if (size < 16 || ReadAtMost(length) < length)
                {
                    throw NotPcm("fmt chunk too short");
                }

                (sampleRate, channels, format, bits) = ParseFormat(_scratch.AsSpan(0, length));
                haveFormat = true;
                skip -= length;
            }

            Skip(skip);
        }
    }

    private (int SampleRate, int Channels, WavSampleFormat Format, int Bits) ParseFormat(ReadOnlySpan<byte> fmt)
    {
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible)
        {
            // The sub-format GUID (at 24) starts with the plain format tag it extends.
            if (fmt.Length < 40)
            {
                throw NotPcm("extensible fmt chunk too short");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        WavSampleFormat format = (tag, bits) switch
        {
            (FormatPcm, 8) => WavSampleFormat.Pcm8,
            (FormatPcm, 16) => WavSampleFormat.Pcm16,
            (FormatPcm, 24) => WavSampleFormat.Pcm24,
            (FormatPcm, 32) => WavSampleFormat.Pcm32,
            (FormatFloat, 32) => WavSampleFormat.Float32,
            _ => throw NotPcm($"format 0x{tag:X4} with {bits} bits per sample is not supported"),
        };

        if (channels < 1 || channels > MaxChannels)
        {
            throw NotPcm($"{channels} channels");
        }

        if (rate < Resampler.MinRate || rate > Resampler.MaxRate)
        {
            throw NotPcm($"sample rate {rate} Hz");
        }

        if (blockAlign != channels * bits / 8)
        {
            throw NotPcm($"block alignment {blockAlign} does not match {channels} x {bits} bits");
        }

        return ((int)rate, channels, format, bits);
    }

    private void Downmix(ReadOnlySpan<byte> frames, Span<short> mono)
    {
        int bytesPerSample = BitsPerSample / 8;
        for (int i = 0; i < mono.Length; i++)
        {
            ReadOnlySpan<byte> frame = frames.Slice(i * _blockAlign, _blockAlign);
            int sum = 0;
            for (int channel = 0; channel < Channels; channel++)
            {
                sum += Decode(frame.Slice(channel * bytesPerSample, bytesPerSample));
            }

            mono[i] = (short)(sum / Channels);
        }
    }

    /// <summary>One sample as a 16-bit value.</summary>
    private int Decode(ReadOnlySpan<byte> sample) => SampleFormat switch
    {
        WavSampleFormat.Pcm8 => (sample[0] - 128) << 8,
        WavSampleFormat.Pcm16 => BinaryPrimitives.ReadInt16LittleEndian(sample),
        WavSampleFormat.Pcm24 => (sample[1] | (sbyte)sample[2] << 8),
        WavSampleFormat.Pcm32 => BinaryPrimitives.ReadInt32LittleEndian(sample) >> 16,
        _ => FloatToSample(BinaryPrimitives.ReadSingleLittleEndian(sample)),
    };

    private static int FloatToSample(float value) =>
        float.IsNaN(value) ? 0 : (int)Math.Clamp(MathF.Round(value * 32768f), short.MinValue, short.MaxValue);

    /// <summary>Reads up to <paramref name="count"/> bytes into the scratch buffer; fewer only at the end of the stream.</summary>
    private int ReadAtMost(int count)
    {
        try
        {
            return _stream.ReadAtLeast(_scratch.AsSpan(0, count), count, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            throw new VoipException(ErrorCode.Io, $"{Name}: {e.Message}");
        }
    }

    private void Skip(long count)
    {
        if (_stream.CanSeek)
        {
            _stream.Seek(count, SeekOrigin.Current);
            return;
        }

        while (count > 0)
        {
            int read = ReadAtMost((int)Math.Min(count, ScratchBytes));
            if (read == 0)
            {
                return;
            }

            count -= read;
        }
    }

    private VoipException NotPcm(string reason) => new(ErrorCode.InvalidArgument, $"{Name}: not a PCM WAV ({reason})");
}
