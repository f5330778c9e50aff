using VoipCore.Media.Audio;

namespace VoipCore.Media;

/// <summary>A call's recording: a <see cref="WavRecorder"/> fed with the directions the <see cref="RecordingMode"/> asks for.</summary>
public sealed class CallRecorder(string path, int fileRate, RecordingMode mode) : IDisposable
{
    private readonly WavRecorder _recorder = new(path, fileRate, mode == RecordingMode.Stereo ? RecorderChannels.Stereo : RecorderChannels.Mixed);

    public void WriteReceived(ReadOnlySpan<short> frame, int sampleRate)
    {
        if (mode != RecordingMode.Sent)
        {
            _recorder.WriteReceived(frame, sampleRate);
        }
    }

    public void WriteSent(ReadOnlySpan<short> frame, int sampleRate)
    {
        if (mode != RecordingMode.Received)
        {
            _recorder.WriteSent(frame, sampleRate);
        }
    }

    public void Dispose() => _recorder.Dispose();
}
