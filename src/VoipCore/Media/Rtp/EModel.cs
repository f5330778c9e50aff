namespace VoipCore.Media.Rtp;

/// <summary>
/// The ITU-T G.107 E-model in the simplified form common for VoIP monitoring: all parameters at their defaults
/// except delay, codec and random loss, so R = 93.2 - Id - Ie,eff; then MOS from R (G.107 Annex B).
/// </summary>
public static class EModel
{
    /// <summary>R with default parameters and no impairment (R0 - Is - A = 93.2).</summary>
    public const double DefaultR = 93.2;

    /// <summary>
    /// Id for a mouth-to-ear delay in ms: 0.024 d, plus 0.11 (d - 177.3) beyond 177.3 ms, the piecewise-linear
    /// fit of G.107's delay curve (Cole and Rosenbluth, 2001) with echo perfectly cancelled.
    /// </summary>
    public static double DelayImpairment(double oneWayDelayMs)
    {
        var d = Math.Max(0, oneWayDelayMs);
        return 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
    }

    /// <summary>Ie,eff = Ie + (95 - Ie) Ppl / (Ppl / BurstR + Bpl) (G.107 equation 7-29), loss in percent.</summary>
    public static double EffectiveEquipmentImpairment(CodecImpairment codec, double packetLossPercent, double burstRatio = 1)
    {
        var loss = Math.Clamp(packetLossPercent, 0, 100);
        return codec.Ie + (95 - codec.Ie) * loss / (loss / burstRatio + codec.Bpl);
    }

    /// <summary>The transmission rating R for a mouth-to-ear delay, a loss percentage and a codec.</summary>
    public static double RFactor(double oneWayDelayMs, double packetLossPercent, CodecImpairment codec, double burstRatio = 1) =>
        DefaultR - DelayImpairment(oneWayDelayMs) - EffectiveEquipmentImpairment(codec, packetLossPercent, burstRatio);

    /// <summary>MOS-CQE from R (G.107 Annex B): 1 + 0.035 R + R (R - 60)(100 - R) 7e-6, held within 1-4.5.</summary>
    public static double MosFromR(double r)
    {
        if (r <= 0)
        {
            return 1;
        }
        if (r >= 100)
        {
            return 4.5;
        }
        return Math.Clamp(1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6, 1, 4.5);
    }

    /// <summary>MOS for a mouth-to-ear delay, a loss percentage and a codec.</summary>
    public static double Mos(double oneWayDelayMs, double packetLossPercent, CodecImpairment codec) =>
        MosFromR(RFactor(oneWayDelayMs, packetLossPercent, codec));

    /// <summary>
    /// Mouth-to-ear delay estimate: half the round trip (0 while unknown), plus the jitter buffer's delay, plus
    /// one codec frame of packetization.
    /// </summary>
    public static double OneWayDelayMs(double? roundTripTimeMs, double jitterBufferDelayMs, double codecFrameMs) =>
        (roundTripTimeMs ?? 0) / 2 + jitterBufferDelayMs + codecFrameMs;
}
