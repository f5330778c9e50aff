using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoipCore.Events;
using VoipCore.Media.Rtp;

namespace VoipCore.Media;

/// <summary>The receive path: RTP into the jitter buffer (or the DTMF receiver), RTCP into the statistics; bad or foreign packets dropped and counted.</summary>
public sealed partial class CallMedia
{
    private long _lastArrival;

    private readonly byte[] _receiveBuffer = new byte[2048];
    private SocketAddress? _from;

    /// <summary>
    /// Reads what arrived since the last tick, on the media thread: the tick owns the call's stream, so packets
    /// never wait for a thread-pool thread (a starved pool would otherwise turn steady RTP into bursts).
    /// </summary>
    private void DrainSocket(Socket socket)
    {
        _from ??= new SocketAddress(socket.AddressFamily);
        try
        {
            while (socket.Available > 0)
            {
                int length = socket.ReceiveFrom(_receiveBuffer, SocketFlags.None, _from);
                OnDatagram(_receiveBuffer.AsSpan(0, length), _from);
            }
        }
        catch (SocketException)
        {
            // An ICMP error for an earlier send (port unreachable) surfaces here; the next tick reads on.
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        TelephoneEventReceiver.Digit? digit = null;
        {
            bool isRtcp = RtcpMux.IsRtcp(datagram);
            if (!IsFromPeer(from, isRtcp))
            {
                _dropped++;
                return;
            }
            if (isRtcp)
            {
                OnRtcp(datagram);
                return;
            }
            if (!RtpPacket.TryParse(datagram, out var packet))
            {
                _dropped++;
                return;
            }
            var negotiated = _negotiated!;
            if (packet.PayloadType == negotiated.TelephoneEventPayloadType)
            {
                digit = _dtmfIn!.OnPacket(packet.Timestamp, packet.Payload);
                Account(packet, sampled: false);
            }
            else if (packet.PayloadType == negotiated.PayloadType)
            {
                OnAudio(packet);
            }
            else
            {
                _dropped++;
                return;
            }
        }
        if (digit is { } d)
        {
            _engine.Post(new EngineEvent(EventType.CallDtmf, _call, 0, d.Key, d.DurationMs,
                EventJson.Of(new DtmfDetail(d.Key.ToString(), "rfc4733", d.DurationMs))));
        }
    }

    private void OnAudio(RtpPacket packet)
    {
        long now = Account(packet, sampled: true);
        if (_receiving)
        {
            _jitter!.Put(packet.SequenceNumber, packet.Timestamp, packet.Payload, now);
        }
    }

    /// <summary>Counts a packet of the peer's stream (audio or telephone-event: one sequence space) and returns its arrival time.</summary>
    private long Account(RtpPacket packet, bool sampled)
    {
        long now = Stopwatch.GetTimestamp();
        _lastArrival = now;
        if (_received is null || _received.Ssrc != packet.Ssrc)
        {
            // A new source (a re-INVITE to another party, a restarted sender): its sequence space starts afresh.
            _received = new RtpReceiverStatistics(packet.Ssrc, _encoder!.Info.PayloadClockRate);
            _jitter!.Reset();
        }
        long arrival = RtpClock.ToClockUnits(now - _epoch, Stopwatch.Frequency, _received.ClockRate);
        _received.Receive(packet.SequenceNumber, packet.Timestamp, arrival, packet.Payload.Length, sampled);
        return now;
    }

    /// <summary>
    /// Which packets count as the peer's (symmetric RTP, RFC 4961): those from the RTP or RTCP address its SDP
    /// named. Until one arrived from there, the first RTP packet from the same host but another port is taken
    /// as the peer behind a port-rewriting NAT, and we send there from then on; once the source is settled,
    /// anything from elsewhere is dropped, so a stranger cannot inject audio.
    /// </summary>
    private bool IsFromPeer(SocketAddress from, bool isRtcp)
    {
        if (_remoteRtp is null)
        {
            return false;
        }
        if (from.Equals(_remoteRtp))
        {
            _latched = true;
            return true;
        }
        if (from.Equals(_remoteRtcp))
        {
            return true;
        }
        if (_latched || isRtcp)
        {
            return false;
        }
        var source = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from);
        var sourceIp = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        if (!sourceIp.Equals(_remoteIp))
        {
            return false;
        }
        _latched = true;
        _remoteRtp = new IPEndPoint(_remoteIp, source.Port).Serialize();
        return true;
    }
}
