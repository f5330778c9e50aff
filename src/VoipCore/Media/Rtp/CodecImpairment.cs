namespace VoipCore.Media.Rtp;

/// <summary>
/// A codec's E-model parameters (ITU-T G.107 / G.113): <paramref name="Ie"/>, its equipment impairment on the
/// narrowband R scale, and <paramref name="Bpl"/>, its robustness to random packet loss (higher is more robust).
/// </summary>
/// <param name="Ie">Equipment impairment factor with no loss.</param>
/// <param name="Bpl">Packet-loss robustness factor.</param>
public readonly record struct CodecImpairment(double Ie, double Bpl)
{
    /// <summary>G.711 mu-law with packet loss concealment: Ie 0, Bpl 25.1 (G.113 Appendix I, Table I.3).</summary>
    public static CodecImpairment Pcmu { get; } = new(0, 25.1);

    /// <summary>G.711 A-law with packet loss concealment: the same values as <see cref="Pcmu"/>.</summary>
    public static CodecImpairment Pcma { get; } = new(0, 25.1);

    /// <summary>
    /// G.722. G.113 lists it only on the wideband R scale (where G.711 itself is impaired), so on this narrowband
    /// scale, which a wideband codec cannot improve on, we take Ie 0; Bpl 25 assumes concealment (G.722
    /// Appendix III/IV) about as robust as G.711's. Our choice, not an ITU-T value.
    /// </summary>
    public static CodecImpairment G722 { get; } = new(0, 25);

    /// <summary>
    /// Opus at voice bitrates. ITU-T publishes no values; Ie 0 (transparent on the narrowband scale) and Bpl 20,
    /// between G.729A's 19 and G.711-with-PLC's 25.1 in G.113 Appendix I, are the common-practice assumption we use.
    /// </summary>
    public static CodecImpairment Opus { get; } = new(0, 20);

    /// <summary>The values for an SDP encoding name (PCMU, PCMA, G722, opus; any case); false for others.</summary>
    public static bool TryGetByName(ReadOnlySpan<char> encodingName, out CodecImpairment impairment)
    {
        impairment = default;
        if (encodingName.Equals("PCMU", StringComparison.OrdinalIgnoreCase))
        {
            impairment = Pcmu;
        }
        else if (encodingName.Equals("PCMA", StringComparison.OrdinalIgnoreCase))
        {
            impairment = Pcma;
        }
        else if (encodingName.Equals("G722", StringComparison.OrdinalIgnoreCase))
        {
            impairment = G722;
        }
        else if (encodingName.Equals("opus", StringComparison.OrdinalIgnoreCase))
        {
            impairment = Opus;
        }
        else
        {
            return false;
        }
        return true;
    }
}
