namespace VoipCore.Sdp;

/// <summary>Why an m= line did not become a media stream.</summary>
public enum StreamRejectReason
{
    /// <summary>The remote side wrote port 0 (it disabled the stream in its offer, or rejected it in its answer).</summary>
    DisabledByPeer,

    /// <summary>Our own offer had port 0 for it.</summary>
    DisabledLocally,

    /// <summary>Not audio (video, application, ...).</summary>
    UnsupportedMedia,

    /// <summary>An m= protocol not in <see cref="MediaCapabilities.Protocols"/>.</summary>
    UnsupportedProtocol,

    /// <summary>No codec both sides have.</summary>
    NoCommonCodec,

    /// <summary>Neither the m= section nor the session has a c= line.</summary>
    NoConnectionAddress,

    /// <summary>An audio stream after the first accepted one: one local endpoint serves one stream.</summary>
    ExtraAudioStream,
}

/// <summary>The outcome for one m= line, by position.</summary>
/// <param name="Index">The 0-based position of the m= line.</param>
/// <param name="Media">The m= media type (audio, video, ...).</param>
/// <param name="Negotiated">The stream, when accepted.</param>
/// <param name="RejectReason">Why not, when rejected.</param>
public sealed record StreamResult(int Index, string Media, NegotiatedMedia? Negotiated, StreamRejectReason? RejectReason)
{
    public bool IsAccepted => Negotiated is not null;
}
