namespace VoipCore.Sdp;

/// <summary>
/// A codec we can send and receive, as offer/answer sees it: an RTP encoding name, clock rate, channel
/// count and the fmtp parameters we announce (what we want to receive).
/// </summary>
/// <param name="FormatParameters">The fmtp text we write for this codec, or null for none.</param>
public sealed record CodecCapability(string EncodingName, int ClockRate, int Channels = 1, string? FormatParameters = null)
{
    private const string TelephoneEventName = "telephone-event";

    /// <summary>Opus (RFC 7587): always written opus/48000/2 whatever is actually sent; in-band FEC wanted.</summary>
    public static readonly CodecCapability Opus = new("opus", 48000, 2, "useinbandfec=1");

    /// <summary>G.722, whose RTP clock is 8000 though it samples at 16 kHz (RFC 3551 section 4.5.2).</summary>
    public static readonly CodecCapability G722 = new("G722", 8000);

    public static readonly CodecCapability Pcmu = new("PCMU", 8000);

    public static readonly CodecCapability Pcma = new("PCMA", 8000);

    /// <summary>DTMF events (RFC 4733) beside 8 kHz codecs; events 0-16 are the keypad and flash.</summary>
    public static readonly CodecCapability TelephoneEvent8000 = new(TelephoneEventName, 8000, 1, "0-16");

    /// <summary>DTMF events beside Opus, which runs the RTP clock at 48 kHz.</summary>
    public static readonly CodecCapability TelephoneEvent48000 = new(TelephoneEventName, 48000, 1, "0-16");

    /// <summary>True for telephone-event, which rides beside the audio codec rather than being one.</summary>
    public bool IsTelephoneEvent => IsTelephoneEventName(EncodingName);

    /// <summary>The RFC 3551 static payload type of this codec, or null if it needs a dynamic one.</summary>
    public int? StaticPayloadType => StaticPayloadTypes.Find(EncodingName, ClockRate, Channels);

    /// <summary>True if an rtpmap (written or static) names this codec.</summary>
    public bool Matches(RtpMap rtpMap) => rtpMap.IsSameCodec(EncodingName, ClockRate, Channels);

    /// <summary>The rtpmap for this codec under a payload type; a channel count of one is left out, as usual.</summary>
    public RtpMap ToRtpMap(int payloadType) => new(payloadType, EncodingName, ClockRate, Channels > 1 ? Channels : null);

    internal static bool IsTelephoneEventName(string encodingName) =>
        string.Equals(encodingName, TelephoneEventName, StringComparison.OrdinalIgnoreCase);
}
