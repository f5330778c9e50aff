namespace VoipCore.Media.Codecs;

/// <summary>G.711 decoder (PCMU or PCMA by <typeparamref name="TLaw"/>) with pitch-repeating concealment.</summary>
internal sealed class G711Decoder<TLaw> : IAudioDecoder where TLaw : struct, IG711Law
{
    private readonly PitchRepeatConcealer _concealer = new(TLaw.Info.PcmRate);

    /// <inheritdoc/>
    public AudioCodecInfo Info => TLaw.Info;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (payload.IsEmpty || payload.Length > pcm.Length)
        {
            return -1;
        }
        for (var i = 0; i < payload.Length; i++)
        {
            pcm[i] = TLaw.Decode(payload[i]);
        }
        _concealer.Remember(pcm[..payload.Length]);
        return payload.Length;
    }

    /// <inheritdoc/>
    public int Conceal(Span<short> pcm, ReadOnlySpan<byte> nextPayload) => _concealer.Conceal(pcm);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
