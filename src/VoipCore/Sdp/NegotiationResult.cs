namespace VoipCore.Sdp;

/// <summary>The overall verdict of an offer/answer exchange.</summary>
public enum NegotiationStatus
{
    /// <summary>At least one stream was accepted.</summary>
    Accepted,

    /// <summary>No stream could be accepted (e.g. no common codec): a SIP session answers 488.</summary>
    NoAcceptableMedia,

    /// <summary>The answer does not fit our offer (e.g. a different number of m= lines).</summary>
    InvalidAnswer,
}

/// <summary>The outcome of offer/answer: a verdict, one result per m= line, and words for the log.</summary>
/// <param name="Detail">Why nothing was accepted, or null when something was.</param>
public sealed record NegotiationResult(NegotiationStatus Status, IReadOnlyList<StreamResult> Streams, string? Detail)
{
    public bool IsAccepted => Status == NegotiationStatus.Accepted;

    /// <summary>The first accepted audio stream, or null.</summary>
    public NegotiatedMedia? Audio
    {
        get
        {
            foreach (var stream in Streams)
            {
                if (stream.Negotiated is not null && stream.Media == "audio")
                {
                    return stream.Negotiated;
                }
            }
            return null;
        }
    }

    internal static NegotiationResult FromStreams(IReadOnlyList<StreamResult> streams)
    {
        foreach (var stream in streams)
        {
            if (stream.IsAccepted)
            {
                return new NegotiationResult(NegotiationStatus.Accepted, streams, null);
            }
        }
        var reasons = new List<string>();
        foreach (var stream in streams)
        {
            reasons.Add($"m={stream.Media} #{stream.Index}: {stream.RejectReason}");
        }
        var detail = streams.Count == 0 ? "no m= lines" : "no acceptable media (" + string.Join(", ", reasons) + ")";
        return new NegotiationResult(NegotiationStatus.NoAcceptableMedia, streams, detail);
    }
}
