namespace VoipCore.Media.Codecs;

/// <summary>Opus encoder over the system libopus: 48 kHz mono, one packet per frame (20 ms is 960 samples).</summary>
internal sealed unsafe class OpusEncoder : IAudioEncoder
{
    private readonly OpusEncoderHandle _handle;

    /// <exception cref="VoipException">Unsupported without libopus; InvalidArgument for settings libopus refuses.</exception>
    public OpusEncoder(OpusSettings settings)
    {
        OpusLibrary.EnsureAvailable();
        int error;
        var application = settings.VoipApplication ? OpusNative.ApplicationVoip : OpusNative.ApplicationAudio;
        _handle = OpusNative.EncoderCreate(Info.PcmRate, 1, application, &error);
        if (error != 0 || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new VoipException(ErrorCode.Internal, $"opus_encoder_create failed: {OpusNative.Describe(error)}");
        }
        try
        {
            Set(OpusNative.SetBitrateRequest, settings.Bitrate, nameof(settings.Bitrate));
            Set(OpusNative.SetInbandFecRequest, settings.InbandFec ? 1 : 0, nameof(settings.InbandFec));
            Set(OpusNative.SetPacketLossPercentRequest, settings.PacketLossPercent, nameof(settings.PacketLossPercent));
            Set(OpusNative.SetDtxRequest, settings.Dtx ? 1 : 0, nameof(settings.Dtx));
            Set(OpusNative.SetComplexityRequest, settings.Complexity, nameof(settings.Complexity));
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public AudioCodecInfo Info => OpusLibrary.Info;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        int length;
        fixed (short* samples = pcm)
        fixed (byte* data = payload)
        {
            length = OpusNative.Encode(_handle, samples, pcm.Length, data, payload.Length);
        }
        if (length < 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"opus_encode of {pcm.Length} samples into {payload.Length} bytes failed: {OpusNative.Describe(length)} " +
                $"(frames are 2.5 to 60 ms of 48 kHz mono; {OpusNative.MaxPacketBytes} bytes always suffice)");
        }
        return length;
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();

    private void Set(int request, int value, string setting)
    {
        var result = OpusNative.EncoderCtl(_handle, request, value);
        if (result != 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"Opus refused {setting} = {value}: {OpusNative.Describe(result)}");
        }
    }
}
