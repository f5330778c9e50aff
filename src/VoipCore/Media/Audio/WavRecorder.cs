namespace VoipCore.Media.Audio;

/// <summary>
/// Records a call to a 16-bit WAV file at a fixed rate: both directions added into one mono channel, or each
/// in its own stereo channel (left = received, right = sent). Frames may arrive at any rate and are resampled
/// per direction.
/// </summary>
/// <remarks>
/// The two directions are written side by side in arrival order: samples of one direction wait (up to 100 ms)
/// for the other's to pair with, and beyond that are written against silence, so a direction that stops
/// (hold, a one-way stream) does not stall the file. The header is rewritten every second of audio, so if the
/// process dies the file stays a valid WAV up to about a second ago. Frames are written on the media thread
/// into a buffered file and nothing is allocated per frame. An I/O failure stops the recording without
/// throwing into the media thread; it is kept in <see cref="Error"/>. Frames given after
/// <see cref="Dispose"/> are ignored.
/// </remarks>
public sealed class WavRecorder : IAudioSink, IDisposable
{
    private readonly Lock _gate = new();
    private readonly WavWriter _writer;
    private readonly PushResamplers _receivedResamplers;
    private readonly PushResamplers _sentResamplers;
    private readonly Lane _received;
    private readonly Lane _sent;
    private readonly short[] _output;
    private readonly int _maxWait;
    private long _framesSinceFlush;
    private bool _disposed;

    /// <summary>Creates (or replaces) <paramref name="path"/>, recording at <paramref name="fileRate"/> Hz.</summary>
    public WavRecorder(string path, int fileRate, RecorderChannels channels = RecorderChannels.Mixed)
    {
        _writer = new WavWriter(path, fileRate, channels == RecorderChannels.Stereo ? 2 : 1);
        Channels = channels;
        _receivedResamplers = new PushResamplers(fileRate);
        _sentResamplers = new PushResamplers(fileRate);
        _maxWait = fileRate / 10;
        int capacity = _maxWait + fileRate / 50;
        _received = new Lane(capacity);
        _sent = new Lane(capacity);
        _output = new short[capacity * _writer.Channels];
    }

    /// <summary>The file being written.</summary>
    public string Path => _writer.Path;

    /// <summary>The file's sample rate.</summary>
    public int FileRate => _writer.SampleRate;

    /// <summary>How the two directions are laid out.</summary>
    public RecorderChannels Channels { get; }

    /// <summary>Sample frames written to the file so far.</summary>
    public long FrameCount
    {
        get
        {
            lock (_gate)
            {
                return _writer.FrameCount;
            }
        }
    }

    /// <summary>The failure that stopped the recording (disk full, the 4 GB WAV limit), or null.</summary>
    public VoipException? Error { get; private set; }

    /// <summary>Records a frame that already is the whole call: a received frame in a mixed file, both
    /// channels in a stereo one. (Use this or <see cref="WriteReceived"/>/<see cref="WriteSent"/>.)</summary>
    public void Write(ReadOnlySpan<short> frame, int sampleRate)
    {
        WriteReceived(frame, sampleRate);
        if (Channels == RecorderChannels.Stereo)
        {
            WriteSent(frame, sampleRate);
        }
    }

    /// <summary>Records a frame received from the remote party.</summary>
    public void WriteReceived(ReadOnlySpan<short> frame, int sampleRate) => Append(_received, _receivedResamplers, frame, sampleRate);

    /// <summary>Records a frame sent to the remote party.</summary>
    public void WriteSent(ReadOnlySpan<short> frame, int sampleRate) => Append(_sent, _sentResamplers, frame, sampleRate);

    /// <summary>Rewrites the header so the file is valid up to what has been paired and written.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (!_disposed && Error is null)
            {
                FlushWriter();
            }
        }
    }

    /// <summary>Writes what is still waiting (against silence) and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Drain(maxWait: 0);
            try
            {
                _writer.Dispose();
            }
            catch (VoipException e)
            {
                Error ??= e;
            }
        }
    }

    private void Append(Lane lane, PushResamplers resamplers, ReadOnlySpan<short> frame, int sampleRate)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            ReadOnlySpan<short> samples = resamplers.Convert(frame, sampleRate);
            while (!samples.IsEmpty)
            {
                int count = Math.Min(samples.Length, lane.Space);
                lane.Add(samples[..count]);
                samples = samples[count..];
                Drain(_maxWait);
            }
        }
    }

    /// <summary>Writes every paired sample, then whatever one direction holds beyond <paramref name="maxWait"/>.</summary>
    private void Drain(int maxWait)
    {
        WriteOldest(Math.Min(_received.Count, _sent.Count));
        WriteOldest(Math.Max(_received.Count, _sent.Count) - maxWait);
    }

    /// <summary>Writes the oldest <paramref name="count"/> sample frames, a direction with fewer giving silence.</summary>
    private void WriteOldest(int count)
    {
        if (count <= 0)
        {
            return;
        }

        for (int i = 0; i < count; i++)
        {
            short received = _received.At(i);
            short sent = _sent.At(i);
            if (Channels == RecorderChannels.Mixed)
            {
                _output[i] = AudioMixer.Saturate(received + sent);
            }
            else
            {
                _output[2 * i] = received;
                _output[2 * i + 1] = sent;
            }
        }

        _received.Consume(count);
        _sent.Consume(count);
        if (Error is not null)
        {
            return;
        }

        try
        {
            if (!_writer.Write(_output.AsSpan(0, count * _writer.Channels)))
            {
                Error = new VoipException(ErrorCode.Io, $"{Path}: reached the 4 GB a WAV file can hold");
                return;
            }
        }
        catch (VoipException e)
        {
            Error = e;
            return;
        }

        _framesSinceFlush += count;
        if (_framesSinceFlush >= FileRate)
        {
            FlushWriter();
        }
    }

    private void FlushWriter()
    {
        try
        {
            _writer.Flush();
            _framesSinceFlush = 0;
        }
        catch (VoipException e)
        {
            Error = e;
        }
    }

    /// <summary>One direction's samples at the file rate, oldest first, waiting to be written.</summary>
    private sealed class Lane(int capacity)
    {
        private readonly short[] _samples = new short[capacity];

        public int Count { get; private set; }

        public int Space => _samples.Length - Count;

        public short At(int index) => index < Count ? _samples[index] : (short)0;

        public void Add(ReadOnlySpan<short> samples)
        {
            samples.CopyTo(_samples.AsSpan(Count));
            Count += samples.Length;
        }

        public void Consume(int count)
        {
            count = Math.Min(count, Count);
            _samples.AsSpan(count, Count - count).CopyTo(_samples);
            Count -= count;
        }
    }
}
