using System.Net;
using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Logging;
using VoipCore.Media.Codecs;
using VoipCore.Media.Rtp;
using VoipCore.Sdp;
using VoipCore.Sessions;

namespace VoipCore.Media;

/// <summary>
/// The media side of one engine: the RTP port pool, the media clocks (one thread per core, calls spread over
/// them) and the codec settings. Opens each call's <see cref="CallMedia"/>.
/// </summary>
public sealed class MediaEngine : ICallMediaFactory, IDisposable
{
    private readonly MediaClock[] _clocks;
    private int _nextClock;

    public MediaEngine(MediaConfig config, EventDispatcher events, Logger log)
    {
        Config = config;
        Events = events;
        Log = log;
        Ports = new MediaPortPool(config.RtpPortMin, config.RtpPortMax);
        Opus = new OpusSettings { Bitrate = config.OpusBitrate, InbandFec = config.OpusFec, Dtx = config.OpusDtx };
        Jitter = new JitterBufferSettings { MinDelayMs = config.JitterMinMs, MaxDelayMs = config.JitterMaxMs, InitialDelayMs = Math.Clamp(40, config.JitterMinMs, config.JitterMaxMs) };
        _clocks = new MediaClock[Math.Clamp(Environment.ProcessorCount, 1, 4)];
        for (int i = 0; i < _clocks.Length; i++)
        {
            _clocks[i] = new MediaClock(e => log.Error("media", $"media tick failed: {e.Message}"));
        }
        if (!AudioCodecs.OpusAvailable)
        {
            log.Warning("media", AudioCodecs.OpusUnavailableReason ?? "Opus is unavailable");
        }
    }

    public MediaConfig Config { get; }
    public EventDispatcher Events { get; }
    public Logger Log { get; }
    public MediaPortPool Ports { get; }
    public OpusSettings Opus { get; }
    public JitterBufferSettings Jitter { get; }

    public ICallMedia Open(ulong callHandle, IPAddress localAddress)
    {
        var lease = Ports.Acquire(localAddress);
        var clock = _clocks[(int)((uint)Interlocked.Increment(ref _nextClock) % (uint)_clocks.Length)];
        return new CallMedia(this, callHandle, lease, clock);
    }

    public MediaCapabilities Capabilities(IReadOnlyList<string>? codecs) => CodecNames.Capabilities(codecs ?? Config.Codecs, AudioCodecs.OpusAvailable);

    internal void Post(EngineEvent engineEvent)
    {
        try
        {
            Events.Post(engineEvent);
        }
        catch (VoipException)
        {
            // The engine is stopping.
        }
    }

    public void Dispose()
    {
        foreach (var clock in _clocks)
        {
            clock.Dispose();
        }
    }
}
