namespace VoipCore.Media.Codecs;

/// <summary>
/// G.722 encoder at 64 kbit/s: 16 kHz PCM in, one octet per pair of samples out (2 higher-band bits above
/// 6 lower-band bits, the RFC 3551 octet layout), so 320 samples make a 160-byte 20 ms payload.
/// </summary>
internal sealed class G722Encoder : IAudioEncoder
{
    private readonly G722AnalysisFilter _filter = new();
    private readonly G722LowBand _low = new();
    private readonly G722HighBand _high = new();

    /// <inheritdoc/>
    public AudioCodecInfo Info => G722Codec.Info;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        var octets = pcm.Length / 2;
        if (pcm.Length % 2 != 0 || payload.Length < octets)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"G722 codes pairs of samples into a buffer of half as many bytes; got {pcm.Length} samples and {payload.Length} bytes");
        }
        for (var i = 0; i < octets; i++)
        {
            var (low, high) = _filter.Split(pcm[2 * i], pcm[2 * i + 1]);
            payload[i] = (byte)((_high.Encode(high) << 6) | _low.Encode(low));
        }
        return octets;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
