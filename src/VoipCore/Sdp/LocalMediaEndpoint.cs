namespace VoipCore.Sdp;

/// <summary>
/// Where we receive RTP: the address for c= and o= and the RTP port the media layer bound. RTCP uses
/// port + 1 unless rtcp-mux is negotiated.
/// </summary>
public sealed record LocalMediaEndpoint(string Address, int RtpPort);
