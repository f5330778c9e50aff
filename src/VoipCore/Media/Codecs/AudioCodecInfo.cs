namespace VoipCore.Media.Codecs;

/// <summary>
/// What an audio codec is on the wire and in memory. The two rates differ for G.722 (RFC 3551 keeps its RTP clock
/// at 8000 for historical reasons while it codes 16 kHz audio), so timestamps and PCM buffers are sized separately.
/// </summary>
/// <param name="Name">The encoding name as in an SDP rtpmap: "PCMU", "PCMA", "G722", "opus".</param>
/// <param name="PayloadClockRate">The RTP timestamp clock (8000 for G.722, 48000 for Opus).</param>
/// <param name="PcmRate">The rate of the mono 16-bit PCM the codec consumes and produces.</param>
/// <param name="SdpChannels">The channel count an rtpmap carries: 1, or 2 for Opus (RFC 7587) even though we code mono.</param>
public sealed record AudioCodecInfo(string Name, int PayloadClockRate, int PcmRate, int SdpChannels)
{
    /// <summary>The PCM samples in one frame of <paramref name="frameMs"/> milliseconds.</summary>
    public int SamplesPerFrame(int frameMs = 20) => PcmRate * frameMs / 1000;

    /// <summary>How far the RTP timestamp advances for one frame of <paramref name="frameMs"/> milliseconds.</summary>
    public int TimestampStep(int frameMs = 20) => PayloadClockRate * frameMs / 1000;
}
