namespace VoipCore.Sdp;

/// <summary>
/// A parsed or built SDP session description (RFC 4566). The version line is always <c>v=0</c> and is
/// not stored. Lists keep the order the lines were written in.
/// </summary>
public sealed class SessionDescription
{
    public SessionDescription(SdpOrigin origin, string sessionName = "-")
    {
        Origin = origin;
        SessionName = sessionName;
    }

    public SdpOrigin Origin { get; set; }

    /// <summary>The s= value; RFC 4566 wants "-" or a space when there is no name.</summary>
    public string SessionName { get; set; }

    public string? Information { get; set; }

    public string? Uri { get; set; }

    public List<string> Emails { get; } = [];

    public List<string> Phones { get; } = [];

    /// <summary>The session-level c= line, the default for media without their own.</summary>
    public ConnectionData? Connection { get; set; }

    public List<Bandwidth> Bandwidths { get; } = [];

    /// <summary>The t= lines with their r= lines. Empty means <c>t=0 0</c> is written.</summary>
    public List<TimeDescription> Times { get; } = [];

    /// <summary>The z= value, raw.</summary>
    public string? TimeZones { get; set; }

    /// <summary>The k= value, raw (obsolete, kept so nothing is lost).</summary>
    public string? EncryptionKey { get; set; }

    public SdpAttributeList Attributes { get; } = new();

    /// <summary>Session-level lines with a type letter the parser does not know, in order.</summary>
    public List<SdpLine> UnknownLines { get; } = [];

    public List<MediaDescription> Media { get; } = [];

    /// <summary>Every parseable <c>a=group</c>, e.g. BUNDLE.</summary>
    public IEnumerable<GroupAttribute> Groups => Attributes.All<GroupAttribute>(GroupAttribute.AttributeName, GroupAttribute.TryParse);

    /// <summary>
    /// The direction that applies to a media section: its own attribute wins, then the session-level
    /// one, then sendrecv (RFC 3264 section 5.1).
    /// </summary>
    public MediaDirection DirectionOf(MediaDescription media) =>
        media.Attributes.Direction ?? Attributes.Direction ?? MediaDirection.SendRecv;

    /// <summary>The c= line that applies to a media section: its own, else the session-level one.</summary>
    public ConnectionData? ConnectionOf(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>A deep copy, for building a re-offer or answer from an earlier description.</summary>
    public SessionDescription Clone()
    {
        var copy = new SessionDescription(Origin, SessionName)
        {
            Information = Information,
            Uri = Uri,
            Connection = Connection,
            TimeZones = TimeZones,
            EncryptionKey = EncryptionKey,
        };
        copy.Emails.AddRange(Emails);
        copy.Phones.AddRange(Phones);
        copy.Bandwidths.AddRange(Bandwidths);
        foreach (var time in Times)
        {
            copy.Times.Add(time.Clone());
        }
        Attributes.CopyTo(copy.Attributes);
        copy.UnknownLines.AddRange(UnknownLines);
        foreach (var media in Media)
        {
            copy.Media.Add(media.Clone());
        }
        return copy;
    }
}
