namespace VoipCore.Media.Codecs;

/// <summary>G.722 decoder at 64 kbit/s (mode 1, all 6 lower-band bits used) with pitch-repeating concealment.</summary>
internal sealed class G722Decoder : IAudioDecoder
{
    private readonly G722SynthesisFilter _filter = new();
    private readonly G722LowBand _low = new();
    private readonly G722HighBand _high = new();
    private readonly PitchRepeatConcealer _concealer = new(G722Codec.Info.PcmRate);

    /// <inheritdoc/>
    public AudioCodecInfo Info => G722Codec.Info;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        var samples = payload.Length * 2;
        if (payload.IsEmpty || samples > pcm.Length)
        {
            return -1;
        }
        for (var i = 0; i < payload.Length; i++)
        {
            var octet = payload[i];
            (pcm[2 * i], pcm[2 * i + 1]) = _filter.Merge(_low.Decode(octet & 0x3F), _high.Decode(octet >> 6));
        }
        _concealer.Remember(pcm[..samples]);
        return samples;
    }

    /// <inheritdoc/>
    public int Conceal(Span<short> pcm, ReadOnlySpan<byte> nextPayload) => _concealer.Conceal(pcm);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
