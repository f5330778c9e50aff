namespace VoipCore.Media.Codecs;

/// <summary>
/// Opus decoder over the system libopus: 48 kHz mono output whatever the sender coded. Concealment recovers a lost
/// frame from the in-band FEC of the packet after it when that has arrived, and otherwise runs libopus's PLC.
/// </summary>
internal sealed unsafe class OpusDecoder : IAudioDecoder
{
    private readonly OpusDecoderHandle _handle;

    /// <exception cref="VoipException">Unsupported without libopus.</exception>
    public OpusDecoder()
    {
        OpusLibrary.EnsureAvailable();
        int error;
        _handle = OpusNative.DecoderCreate(Info.PcmRate, 1, &error);
        if (error != 0 || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new VoipException(ErrorCode.Internal, $"opus_decoder_create failed: {OpusNative.Describe(error)}");
        }
    }

    /// <inheritdoc/>
    public AudioCodecInfo Info => OpusLibrary.Info;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        // An empty payload would ask libopus for concealment, which is not what a received packet means.
        if (payload.IsEmpty)
        {
            return -1;
        }
        var samples = Run(payload, pcm, fec: false);
        return samples < 0 ? -1 : samples;
    }

    /// <inheritdoc/>
    public int Conceal(Span<short> pcm, ReadOnlySpan<byte> nextPayload)
    {
        // libopus itself falls back to PLC when the next packet carries no FEC data.
        var samples = nextPayload.IsEmpty ? -1 : Run(nextPayload, pcm, fec: true);
        if (samples < 0)
        {
            samples = Run([], pcm, fec: false);
        }
        if (samples < 0)
        {
            // Only a frame length libopus cannot conceal (not a multiple of 2.5 ms) gets here.
            pcm.Clear();
            return pcm.Length;
        }
        return samples;
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();

    /// <summary>opus_decode: an empty <paramref name="payload"/> is passed as NULL, libopus's request for PLC.</summary>
    private int Run(ReadOnlySpan<byte> payload, Span<short> pcm, bool fec)
    {
        fixed (byte* data = payload)
        fixed (short* samples = pcm)
        {
            return OpusNative.Decode(_handle, payload.IsEmpty ? null : data, payload.Length, samples, pcm.Length, fec ? 1 : 0);
        }
    }
}
