namespace VoipCore.Sdp;

/// <summary>A payload type of an m= line together with what it means there (its rtpmap or static mapping).</summary>
internal readonly record struct PayloadFormat(int PayloadType, RtpMap Map)
{
    public bool IsTelephoneEvent => CodecCapability.IsTelephoneEventName(Map.EncodingName);

    /// <summary>The numeric formats of an m= line that resolve to a codec, in m= line order.</summary>
    public static IEnumerable<PayloadFormat> ListOf(MediaDescription media)
    {
        foreach (var payloadType in media.PayloadTypes)
        {
            if (media.GetRtpMap(payloadType) is RtpMap map)
            {
                yield return new PayloadFormat(payloadType, map);
            }
        }
    }
}
