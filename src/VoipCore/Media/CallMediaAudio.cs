using VoipCore.Events;
using VoipCore.Media.Audio;

namespace VoipCore.Media;

/// <summary>What the host plugs into a call: a WAV player, a recorder, a PCM port for its own audio device.</summary>
public sealed partial class CallMedia
{
    private IAudioSource? _source;
    private WavPlayer? _player;
    private ToneGenerator? _tone;
    private CallRecorder? _recorder;
    private PcmPort? _pcm;

    /// <summary>Sends a WAV file (any rate, resampled) instead of silence; replaces the current source.</summary>
    public void Play(string path, bool loop)
    {
        var player = new WavPlayer(path, loop);
        player.Ended += () => _engine.Post(new EngineEvent(EventType.CallMediaEnded, _call));
        lock (_gate)
        {
            _player?.Dispose();
            _player = player;
            _tone = null;
            _source = player;
        }
    }

    /// <summary>Sends a tone (ringback, busy, in-band DTMF, ...) instead of silence; replaces the current source.</summary>
    public void PlayTone(string name, bool loop)
    {
        var tone = new ToneGenerator(ToneNames.Pattern(name, loop));
        lock (_gate)
        {
            _player?.Dispose();
            _player = null;
            _tone = tone;
            _source = tone;
        }
    }

    /// <summary>Stops the WAV or tone being played; the host's PCM port (if any) is heard again, else silence.</summary>
    public void StopPlay()
    {
        lock (_gate)
        {
            if (_source == _player || _source == _tone)
            {
                _source = _pcm;
            }
            _player?.Dispose();
            _player = null;
            _tone = null;
        }
    }

    /// <summary>Records to a WAV at <paramref name="sampleRate"/> (0: the codec's rate); replaces an earlier recording.</summary>
    public void Record(string path, RecordingMode mode, int sampleRate)
    {
        if (sampleRate != 0 && sampleRate is < 8000 or > 48000)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"sample_rate {sampleRate} is outside 8000-48000 (0 = the codec's rate)");
        }
        int rate;
        lock (_gate)
        {
            rate = sampleRate != 0 ? sampleRate : _decoder?.Info.PcmRate ?? 16000;
        }
        var recorder = new CallRecorder(path, rate, mode);
        lock (_gate)
        {
            _recorder?.Dispose();
            _recorder = recorder;
        }
    }

    public void StopRecord()
    {
        lock (_gate)
        {
            _recorder?.Dispose();
            _recorder = null;
        }
    }

    /// <summary>Connects the host's audio device: the call sends what it pushes and keeps what arrives for it to pull.</summary>
    public void AttachPcm(int sampleRate)
    {
        if (sampleRate is not (8000 or 16000 or 48000))
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"sample_rate must be 8000, 16000 or 48000, not {sampleRate}");
        }
        var port = new PcmPort(sampleRate);
        lock (_gate)
        {
            _pcm = port;
            if (_player == null && _tone == null)
            {
                _source = port;
            }
        }
    }

    public int PushPcm(ReadOnlySpan<short> samples) =>
        (_pcm ?? throw new VoipException(ErrorCode.InvalidState, "no PCM port: call vc_call_pcm_attach first")).Push(samples);

    public int PullPcm(Span<short> buffer) =>
        (_pcm ?? throw new VoipException(ErrorCode.InvalidState, "no PCM port: call vc_call_pcm_attach first")).Pull(buffer);

    private void CloseAudio()
    {
        _player?.Dispose();
        _recorder?.Dispose();
        _player = null;
        _tone = null;
        _recorder = null;
        _source = null;
    }
}
