using System.Diagnostics;
using System.Net.Sockets;
using VoipCore.Events;
using VoipCore.Media.Rtp;
using VoipCore.Sessions;

namespace VoipCore.Media;

/// <summary>RTCP (reports about every 5 s, RTT from the peer's report blocks, BYE at the end), the statistics, quality events and the RTP timeout.</summary>
public sealed partial class CallMedia
{
    private const double LossWarningPercent = 5;
    private const double RttWarningMs = 300;

    private readonly RtcpInterval _rtcpInterval = new();
    private readonly NtpClock _ntp = new();
    private readonly byte[] _rtcp = new byte[512];
    private readonly string _cname = $"voipcore-{Guid.NewGuid():N}"[..20];
    private CodecImpairment _codec = CodecImpairment.Pcmu;
    private long _nextRtcp;
    private long _nextQuality;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private double? _rttMs;
    private long _intervalExpected;
    private long _intervalLost;
    private double _intervalLossPercent;
    private bool _lossWarned;
    private bool _rttWarned;
    private bool _timeoutReported;

    private long QualityPeriodTicks => _engine.Config.QualityIntervalSeconds * Stopwatch.Frequency;

    private void OnRtcp(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        uint arrival = NtpTimestamp.Middle32(_ntp.Now);
        while (reader.TryRead(out var packet))
        {
            if (packet.TryGetSenderReport(out var report))
            {
                _lastSenderReport = NtpTimestamp.Middle32(report.NtpTimestamp);
                _lastSenderReportArrival = Stopwatch.GetTimestamp();
                for (int i = 0; i < report.ReportCount; i++)
                {
                    OnReportBlock(report.GetReportBlock(i), arrival);
                }
            }
            else if (packet.TryGetReceiverReport(out var receiverReport))
            {
                for (int i = 0; i < receiverReport.ReportCount; i++)
                {
                    OnReportBlock(receiverReport.GetReportBlock(i), arrival);
                }
            }
        }
        if (reader.IsMalformed)
        {
            _dropped++;
        }
    }

    private void OnReportBlock(in RtcpReportBlock block, uint arrival)
    {
        if (block.Ssrc == _sender.Ssrc && RoundTripTime.TryCompute(arrival, block, out var rtt))
        {
            _rttMs = rtt.TotalMilliseconds;
        }
    }

    private void ServiceRtcpAndQuality()
    {
        long now = Stopwatch.GetTimestamp();
        if (now >= _nextRtcp)
        {
            _nextRtcp = now + (long)(_rtcpInterval.Next().TotalSeconds * Stopwatch.Frequency);
            SendReport(goodbye: false);
        }
        CheckTimeout(now);
        if (QualityPeriodTicks > 0 && now >= _nextQuality)
        {
            _nextQuality = now + QualityPeriodTicks;
            ReportQuality();
        }
    }

    private void SendReport(bool goodbye)
    {
        if (_remoteRtcp is null || _negotiated is null)
        {
            return;
        }
        var writer = new RtcpWriter(_rtcp);
        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        int blockCount = 0;
        if (_received is { IsValid: true } received)
        {
            var sinceReport = _lastSenderReportArrival == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_lastSenderReportArrival);
            blocks[0] = received.CreateReportBlock(_lastSenderReport, sinceReport);
            blockCount = 1;
        }
        if (_sender.PacketCount > 0)
        {
            writer.WriteSenderReport(_sender.Ssrc, _ntp.Now, _sender.Timestamp, (uint)_sender.PacketCount, (uint)_sender.OctetCount, blocks[..blockCount]);
        }
        else
        {
            writer.WriteReceiverReport(_sender.Ssrc, blocks[..blockCount]);
        }
        writer.WriteSourceDescription(_sender.Ssrc, _cname);
        if (goodbye)
        {
            writer.WriteGoodbye(_sender.Ssrc);
        }
        var socket = _negotiated.RtcpMux ? _lease.RtpSocket : _lease.RtcpSocket;
        try
        {
            socket.SendTo(writer.Written, SocketFlags.None, _remoteRtcp);
        }
        catch (SocketException)
        {
            // RTCP is best effort.
        }
    }

    private void SendGoodbye()
    {
        if (_started)
        {
            SendReport(goodbye: true);
        }
    }

    private void CheckTimeout(long now)
    {
        int seconds = _engine.Config.RtpTimeoutSeconds;
        if (seconds == 0 || !_receiving || _timeoutReported || now - _lastArrival < seconds * Stopwatch.Frequency)
        {
            return;
        }
        _timeoutReported = true;
        _engine.Post(new EngineEvent(EventType.CallRtpTimeout, _call, 0, seconds));
        if (_engine.Config.HangupOnRtpTimeout)
        {
            ulong call = _call;
            // Off the media thread: hanging up takes the call's own path (BYE, events, this object's disposal).
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (Handles.HandleRegistry.TryGet<Call>(call, Handles.HandleType.Call, out var target))
                {
                    try
                    {
                        target.Hangup();
                    }
                    catch (VoipException)
                    {
                        // It ended meanwhile.
                    }
                }
            });
        }
    }

    private void ReportQuality()
    {
        var stats = CurrentStatistics();
        long expected = _received?.Expected ?? 0;
        long lost = _received?.Lost ?? 0;
        long expectedNow = expected - _intervalExpected;
        long lostNow = lost - _intervalLost;
        (_intervalExpected, _intervalLost) = (expected, lost);
        _intervalLossPercent = expectedNow > 0 ? Math.Max(0, lostNow) * 100.0 / expectedNow : 0;
        _engine.Post(new EngineEvent(EventType.CallQuality, _call, 0, (long)Math.Round(stats.Mos * 100), 0, EventJson.Of(stats)));
        Warn(ref _lossWarned, _intervalLossPercent > LossWarningPercent, "loss", _intervalLossPercent, LossWarningPercent, stats);
        Warn(ref _rttWarned, _rttMs > RttWarningMs, "rtt", _rttMs ?? 0, RttWarningMs, stats);
    }

    /// <summary>Warns once when a threshold is crossed, and again only after it was back under it.</summary>
    private void Warn(ref bool warned, bool exceeded, string reason, double value, double threshold, MediaStatistics stats)
    {
        if (exceeded && !warned)
        {
            _engine.Post(new EngineEvent(EventType.CallQualityWarning, _call, 0, (long)value, 0,
                EventJson.Of(new QualityWarningDetail(reason, Math.Round(value, 2), threshold, stats))));
        }
        warned = exceeded;
    }

    public MediaStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return CurrentStatistics();
            }
        }
    }

    private MediaStatistics CurrentStatistics()
    {
        if (_negotiated is null)
        {
            return MediaStatistics.None with { PacketsDropped = _dropped };
        }
        long expected = _received?.Expected ?? 0;
        long lost = Math.Max(0, _received?.Lost ?? 0);
        double lossPercent = expected > 0 ? lost * 100.0 / expected : 0;
        double jitterMs = _received?.JitterMs ?? 0;
        int bufferMs = _jitter?.CurrentDelayMs ?? 0;
        bool flowed = (_received?.PacketsReceived ?? 0) > 0;
        double mos = flowed ? EModel.Mos(EModel.OneWayDelayMs(_rttMs, bufferMs, 20), lossPercent, _codec) : 0;
        return new MediaStatistics(_negotiated.EncodingName, _sender.PacketCount, _sender.OctetCount,
            _received?.PacketsReceived ?? 0, _received?.BytesReceived ?? 0, lost, Math.Round(lossPercent, 3),
            Math.Round(jitterMs, 3), _rttMs is { } rtt ? Math.Round(rtt, 3) : null, Math.Round(mos, 3), _dropped, bufferMs);
    }
}
