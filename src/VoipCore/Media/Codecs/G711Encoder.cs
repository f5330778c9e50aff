namespace VoipCore.Media.Codecs;

/// <summary>G.711 encoder (PCMU or PCMA by <typeparamref name="TLaw"/>): one byte per 8 kHz sample, stateless.</summary>
internal sealed class G711Encoder<TLaw> : IAudioEncoder where TLaw : struct, IG711Law
{
    /// <inheritdoc/>
    public AudioCodecInfo Info => TLaw.Info;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if (payload.Length < pcm.Length)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"{TLaw.Info.Name} payload buffer holds {payload.Length} bytes, the frame needs {pcm.Length}");
        }
        for (var i = 0; i < pcm.Length; i++)
        {
            payload[i] = TLaw.Encode(pcm[i]);
        }
        return pcm.Length;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
