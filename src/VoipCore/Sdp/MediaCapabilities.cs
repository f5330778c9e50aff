namespace VoipCore.Sdp;

/// <summary>
/// What we can do for an audio stream, input to offer/answer: codecs in preference order (telephone-event
/// entries included, one per clock rate), packetization time, rtcp-mux support, the direction we want and
/// the RTP profiles we accept.
/// </summary>
public sealed record MediaCapabilities
{
    /// <summary>
    /// Opus/48000/2, G722/8000, PCMU/8000, PCMA/8000, telephone-event at 48000 (for Opus) and 8000;
    /// 20 ms; rtcp-mux; sendrecv; RTP/AVP.
    /// </summary>
    public static readonly MediaCapabilities Default = new();

    public IReadOnlyList<CodecCapability> Codecs { get; init; } =
    [
        CodecCapability.Opus,
        CodecCapability.G722,
        CodecCapability.Pcmu,
        CodecCapability.Pcma,
        CodecCapability.TelephoneEvent48000,
        CodecCapability.TelephoneEvent8000,
    ];

    /// <summary>The a=ptime we announce (how we want to receive), or null to write none.</summary>
    public int? Ptime { get; init; } = 20;

    /// <summary>The a=maxptime we announce, or null to write none.</summary>
    public int? MaxPtime { get; init; }

    /// <summary>Whether we offer rtcp-mux and accept it when offered (RFC 5761).</summary>
    public bool RtcpMux { get; init; } = true;

    /// <summary>The direction we want; answers narrow it by what the offer allows.</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.SendRecv;

    /// <summary>
    /// The m= protocols we accept, compared case-insensitively; the first is the one we offer. Add RTP/SAVP
    /// or UDP/TLS/RTP/SAVPF only together with the layer that supplies their keys.
    /// </summary>
    public IReadOnlyList<string> Protocols { get; init; } = ["RTP/AVP"];

    internal bool AcceptsProtocol(string protocol)
    {
        foreach (var accepted in Protocols)
        {
            if (string.Equals(accepted, protocol, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
