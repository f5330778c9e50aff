using VoipCore.Sdp;

namespace VoipCore.Sessions;

/// <summary>
/// The media of one call as the session layer drives it: the endpoint to announce in SDP, the result of each
/// offer/answer to apply, mute and DTMF. Implemented by the media layer (which sits above Sessions and
/// reports its own events: DTMF received, RTP timeout, quality); Sessions never touches RTP packets.
/// </summary>
public interface ICallMedia : IDisposable
{
    /// <summary>Where we receive RTP: the address and port for our SDP.</summary>
    LocalMediaEndpoint LocalEndpoint { get; }

    /// <summary>Starts or updates the stream from an offer/answer outcome (codec, remote address, direction).</summary>
    void Apply(NegotiatedMedia negotiated);

    /// <summary>Muted calls keep sending RTP, with silence.</summary>
    bool Muted { get; set; }

    /// <summary>True once telephone-event was agreed, so digits can go as RFC 4733 events.</summary>
    bool CanSendTelephoneEvents { get; }

    /// <summary>Queues digits as RFC 4733 events (0-9, *, #, A-D).</summary>
    void SendDtmf(string digits);

    /// <summary>The call's figures so far.</summary>
    MediaStatistics Statistics { get; }
}

/// <summary>Opens the media of a call; the engine supplies it.</summary>
public interface ICallMediaFactory
{
    /// <summary>Binds RTP/RTCP ports on <paramref name="localAddress"/> for call <paramref name="callHandle"/>.</summary>
    ICallMedia Open(ulong callHandle, System.Net.IPAddress localAddress);

    /// <summary>The offer/answer capabilities of a call that names <paramref name="codecs"/> (null: the engine's list).</summary>
    MediaCapabilities Capabilities(IReadOnlyList<string>? codecs);
}
