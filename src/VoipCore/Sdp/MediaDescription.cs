namespace VoipCore.Sdp;

/// <summary>
/// An m= section: <c>m=&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt; ...</c> with its i=, c=, b=, k= and a= lines.
/// </summary>
public sealed class MediaDescription
{
    public MediaDescription(string media, int port, string protocol)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
    }

    /// <summary>audio, video, application, ...</summary>
    public string Media { get; set; }

    /// <summary>The transport port; 0 marks a rejected or disabled stream (RFC 3264 section 6).</summary>
    public int Port { get; set; }

    /// <summary>The <c>/count</c> of consecutive ports, if written.</summary>
    public int? PortCount { get; set; }

    /// <summary>RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF, ...</summary>
    public string Protocol { get; set; }

    /// <summary>
    /// The format list as text: RTP payload type numbers for RTP protocols, anything for others.
    /// See <see cref="PayloadTypes"/> for the numeric view.
    /// </summary>
    public List<string> Formats { get; } = [];

    public string? Information { get; set; }

    /// <summary>Media-level c= lines; usually one, several only for layered multicast.</summary>
    public List<ConnectionData> Connections { get; } = [];

    public List<Bandwidth> Bandwidths { get; } = [];

    /// <summary>The k= value, raw (obsolete, kept so nothing is lost).</summary>
    public string? EncryptionKey { get; set; }

    public SdpAttributeList Attributes { get; } = new();

    /// <summary>Lines with a type letter the parser does not know, in order.</summary>
    public List<SdpLine> UnknownLines { get; } = [];

    /// <summary>True when the port is 0: the stream is rejected or disabled.</summary>
    public bool IsRejected => Port == 0;

    /// <summary>True for RTP profiles (RTP/AVP, RTP/SAVPF, UDP/TLS/RTP/SAVPF, ...), whose formats are payload types.</summary>
    public bool IsRtp => Protocol.Contains("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The formats that are payload type numbers (0..127), in m= line order; others are skipped.</summary>
    public IEnumerable<int> PayloadTypes
    {
        get
        {
            foreach (var format in Formats)
            {
                if (SdpText.TryPayloadType(format, out var payloadType))
                {
                    yield return payloadType;
                }
            }
        }
    }

    /// <summary>The first media-level c= line, or null (then the session-level one applies).</summary>
    public ConnectionData? Connection => Connections.Count > 0 ? Connections[0] : null;

    /// <summary>Every parseable <c>a=rtpmap</c>.</summary>
    public IEnumerable<RtpMap> RtpMaps => Attributes.All<RtpMap>(RtpMap.AttributeName, RtpMap.TryParse);

    /// <summary>Every parseable <c>a=fmtp</c>.</summary>
    public IEnumerable<Fmtp> Fmtps => Attributes.All<Fmtp>(Fmtp.AttributeName, Fmtp.TryParse);

    /// <summary>
    /// What a payload type means here: its rtpmap if written, else the RFC 3551 static assignment, else null.
    /// </summary>
    public RtpMap? GetRtpMap(int payloadType)
    {
        foreach (var rtpMap in RtpMaps)
        {
            if (rtpMap.PayloadType == payloadType)
            {
                return rtpMap;
            }
        }
        return StaticPayloadTypes.Lookup(payloadType);
    }

    /// <summary>The fmtp of a payload type, or null.</summary>
    public Fmtp? GetFmtp(int payloadType)
    {
        foreach (var fmtp in Fmtps)
        {
            if (fmtp.PayloadType == payloadType)
            {
                return fmtp;
            }
        }
        return null;
    }

    /// <summary><c>a=ptime</c> in milliseconds, or null if absent or not a whole number.</summary>
    public int? Ptime => ReadMilliseconds("ptime");

    /// <summary><c>a=maxptime</c> in milliseconds, or null if absent or not a whole number.</summary>
    public int? MaxPtime => ReadMilliseconds("maxptime");

    /// <summary><c>a=rtcp</c> (RFC 3605), or null.</summary>
    public RtcpAttribute? Rtcp => Attributes.First<RtcpAttribute>(RtcpAttribute.AttributeName, RtcpAttribute.TryParse);

    /// <summary>True if <c>a=rtcp-mux</c> (RFC 5761) is present.</summary>
    public bool RtcpMux => Attributes.Contains("rtcp-mux");

    /// <summary><c>a=mid</c> (RFC 5888), or null.</summary>
    public string? Mid => Attributes.GetValue("mid");

    /// <summary>Every parseable <c>a=ssrc</c>.</summary>
    public IEnumerable<SsrcAttribute> Ssrcs => Attributes.All<SsrcAttribute>(SsrcAttribute.AttributeName, SsrcAttribute.TryParse);

    /// <summary>Every parseable <c>a=candidate</c>.</summary>
    public IEnumerable<IceCandidate> Candidates => Attributes.All<IceCandidate>(IceCandidate.AttributeName, IceCandidate.TryParse);

    /// <summary>Every parseable <c>a=crypto</c>.</summary>
    public IEnumerable<CryptoAttribute> Cryptos => Attributes.All<CryptoAttribute>(CryptoAttribute.AttributeName, CryptoAttribute.TryParse);

    private int? ReadMilliseconds(string name) =>
        SdpText.TryInt(Attributes.GetValue(name), out var milliseconds) ? milliseconds : null;

    /// <summary>A deep copy.</summary>
    public MediaDescription Clone()
    {
        var copy = new MediaDescription(Media, Port, Protocol)
        {
            PortCount = PortCount,
            Information = Information,
            EncryptionKey = EncryptionKey,
        };
        copy.Formats.AddRange(Formats);
        copy.Connections.AddRange(Connections);
        copy.Bandwidths.AddRange(Bandwidths);
        copy.UnknownLines.AddRange(UnknownLines);
        Attributes.CopyTo(copy.Attributes);
        return copy;
    }
}
