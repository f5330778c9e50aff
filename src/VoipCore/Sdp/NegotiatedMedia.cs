namespace VoipCore.Sdp;

/// <summary>
/// The outcome of offer/answer for one accepted audio stream, everything the media layer needs.
/// </summary>
/// <param name="PayloadType">The payload type of the chosen codec as the remote side numbers it (we send with it).</param>
/// <param name="FormatParameters">The remote side's fmtp for the codec: how it wants to receive.</param>
/// <param name="TelephoneEventPayloadType">The remote side's telephone-event payload type, or null if DTMF events were not agreed.</param>
/// <param name="TelephoneEventClockRate">The clock rate of that telephone-event format, or null.</param>
/// <param name="RemoteAddress">The remote c= address (an ICE layer may later choose another).</param>
/// <param name="RemoteRtcpAddress">Where RTCP goes: the RTP address and port with rtcp-mux, else a=rtcp, else RTP port + 1.</param>
/// <param name="Direction">Our direction: whether we send and whether we receive.</param>
/// <param name="RemotePtime">The remote a=ptime (how it wants to receive), or null if it gave none.</param>
/// <param name="Mid">The a=mid of the stream, or null.</param>
public sealed record NegotiatedMedia(
    int PayloadType,
    string EncodingName,
    int ClockRate,
    int Channels,
    FmtpParameters FormatParameters,
    int? TelephoneEventPayloadType,
    int? TelephoneEventClockRate,
    string RemoteAddress,
    int RemoteRtpPort,
    string RemoteRtcpAddress,
    int RemoteRtcpPort,
    MediaDirection Direction,
    bool RtcpMux,
    int? RemotePtime,
    string? Mid);
