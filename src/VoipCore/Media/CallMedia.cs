using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoipCore.Media.Audio;
using VoipCore.Media.Codecs;
using VoipCore.Media.Rtp;
using VoipCore.Sdp;
using VoipCore.Sessions;

namespace VoipCore.Media;

/// <summary>
/// The audio stream of one call: RTP/RTCP on its leased ports, the codec pair, the jitter buffer, and what the
/// host plugs in (player, recorder, PCM port). Once per 20 ms the media clock reads what arrived, sends a frame
/// and plays one out; one lock guards the stream against the host's calls (play, record, statistics).
/// </summary>
public sealed partial class CallMedia : ICallMedia, IMediaTickHandler
{
    private const int MaxFrameSamples = 48000 * 120 / 1000;
    private const int MaxPacket = 1500;

    private readonly MediaEngine _engine;
    private readonly ulong _call;
    private readonly MediaPortLease _lease;
    private readonly MediaClock _clock;
    private readonly Lock _gate = new();
    private readonly RtpSender _sender = new();
    private readonly TelephoneEventSender _dtmfOut = new();
    private readonly short[] _sendFrame = new short[MaxFrameSamples];
    private readonly short[] _playFrame = new short[MaxFrameSamples];
    private readonly byte[] _packet = new byte[MaxPacket];
    private readonly byte[] _jitterPayload = new byte[MaxPacket];
    private readonly long _epoch = Stopwatch.GetTimestamp();

    private NegotiatedMedia? _negotiated;
    private IAudioEncoder? _encoder;
    private IAudioDecoder? _decoder;
    private JitterBuffer? _jitter;
    private RtpReceiverStatistics? _received;
    private TelephoneEventReceiver? _dtmfIn;
    private SocketAddress? _remoteRtp;
    private SocketAddress? _remoteRtcp;
    private IPAddress? _remoteIp;
    private bool _latched;
    private bool _sending;
    private bool _receiving;
    private bool _firstPacket = true;
    private bool _started;
    private bool _disposed;
    private long _dropped;

    internal CallMedia(MediaEngine engine, ulong call, MediaPortLease lease, MediaClock clock)
    {
        _engine = engine;
        _call = call;
        _lease = lease;
        _clock = clock;
        var local = lease.RtpEndPoint;
        LocalEndpoint = new LocalMediaEndpoint(local.Address.ToString(), local.Port);
    }

    public LocalMediaEndpoint LocalEndpoint { get; }

    public bool Muted { get; set; }

    public bool CanSendTelephoneEvents
    {
        get
        {
            lock (_gate)
            {
                return _negotiated?.TelephoneEventPayloadType is not null && _sending;
            }
        }
    }

    /// <summary>The RTP port (for tests that check the pool gets it back).</summary>
    public int RtpPort => _lease.RtpPort;

    public void Apply(NegotiatedMedia negotiated)
    {
        bool startLoops;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_negotiated is null || !SameCodec(_negotiated, negotiated))
            {
                ReplaceCodec(negotiated);
            }
            var remoteIp = IPAddress.Parse(negotiated.RemoteAddress);
            if (_remoteIp is null || !_remoteIp.Equals(remoteIp) || _negotiated!.RemoteRtpPort != negotiated.RemoteRtpPort)
            {
                _remoteIp = remoteIp;
                _remoteRtp = Address(remoteIp, negotiated.RemoteRtpPort);
                _latched = false;
            }
            _remoteRtcp = Address(IPAddress.Parse(negotiated.RemoteRtcpAddress), negotiated.RemoteRtcpPort);
            _negotiated = negotiated;
            // A hold address (0.0.0.0) or port 0 means "send nothing" whatever the attribute says.
            _sending = negotiated.Direction.CanSend() && negotiated.RemoteRtpPort != 0 && !remoteIp.Equals(IPAddress.Any);
            bool receiving = negotiated.Direction.CanReceive();
            if (receiving && !_receiving)
            {
                // Back from hold: the peer's clock ran on while we played nothing; start playout afresh
                // rather than let the pause become delay.
                _jitter!.Reset();
            }
            _receiving = receiving;
            startLoops = !_started;
            _started = true;
        }
        if (startLoops)
        {
            _lastArrival = Stopwatch.GetTimestamp();
            _nextRtcp = Stopwatch.GetTimestamp() + (long)(_rtcpInterval.Next().TotalSeconds * Stopwatch.Frequency / 2);
            _nextQuality = Stopwatch.GetTimestamp() + QualityPeriodTicks;
            _clock.Register(this);
        }
    }

    private static bool SameCodec(NegotiatedMedia a, NegotiatedMedia b) =>
        a.PayloadType == b.PayloadType && a.ClockRate == b.ClockRate
        && string.Equals(a.EncodingName, b.EncodingName, StringComparison.OrdinalIgnoreCase);

    private void ReplaceCodec(NegotiatedMedia negotiated)
    {
        var encoder = AudioCodecs.CreateEncoder(negotiated.EncodingName, negotiated.ClockRate, _engine.Opus);
        var decoder = AudioCodecs.CreateDecoder(negotiated.EncodingName, negotiated.ClockRate);
        _encoder?.Dispose();
        _decoder?.Dispose();
        _encoder = encoder;
        _decoder = decoder;
        var info = encoder.Info;
        _jitter = new JitterBuffer(info.TimestampStep(), info.PayloadClockRate, _engine.Jitter);
        _received = null;
        _dtmfIn = new TelephoneEventReceiver(negotiated.TelephoneEventClockRate ?? info.PayloadClockRate);
        _codec = CodecImpairment.TryGetByName(info.Name, out var impairment) ? impairment : CodecImpairment.Pcmu;
    }

    private static SocketAddress Address(IPAddress ip, int port) => new IPEndPoint(ip, port).Serialize();

    public void SendDtmf(string digits) => _dtmfOut.Enqueue(digits);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _clock.Unregister(this);
        lock (_gate)
        {
            SendGoodbye();
            _encoder?.Dispose();
            _decoder?.Dispose();
            CloseAudio();
        }
        _lease.Dispose();
    }
}
