namespace VoipCore.Media.Codecs;

/// <summary>
/// One of the two G.711 companding laws, as static members so that <see cref="G711Encoder{TLaw}"/> and
/// <see cref="G711Decoder{TLaw}"/> are specialized per law (struct type arguments) with the lookups inlined.
/// </summary>
internal interface IG711Law
{
    /// <summary>The codec this law is on the wire.</summary>
    static abstract AudioCodecInfo Info { get; }

    /// <summary>Compresses one 16-bit sample to its 8-bit code.</summary>
    static abstract byte Encode(short sample);

    /// <summary>Expands one 8-bit code to a 16-bit sample.</summary>
    static abstract short Decode(byte code);
}
