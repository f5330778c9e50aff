using System.Net.Sockets;
using VoipCore.Media.Audio;
using VoipCore.Media.Rtp;

namespace VoipCore.Media;

/// <summary>The 20 ms tick: one frame out (source, mute, DTMF, encode, RTP) and one frame played out (jitter buffer, decode or conceal, sinks).</summary>
public sealed partial class CallMedia
{
    public void OnTick(long tickIndex)
    {
        lock (_gate)
        {
            if (_disposed || _encoder is null)
            {
                return;
            }
            DrainSocket(_lease.RtpSocket);
            DrainSocket(_lease.RtcpSocket);
            SendFrame();
            PlayFrame();
            ServiceRtcpAndQuality();
        }
    }

    private void SendFrame()
    {
        var info = _encoder!.Info;
        int step = info.TimestampStep();
        var frame = _sendFrame.AsSpan(0, info.SamplesPerFrame());
        if (_source is null || !_source.Read(frame, info.PcmRate))
        {
            frame.Clear();
        }
        if (Muted)
        {
            frame.Clear();
        }
        _recorder?.WriteSent(frame, info.PcmRate);
        if (!_sending)
        {
            _sender.AdvanceTimestamp((uint)step);
            return;
        }
        int eventPayloadType = _negotiated!.TelephoneEventPayloadType ?? -1;
        if (eventPayloadType >= 0 && (_dtmfOut.Active || _dtmfOut.Pending > 0))
        {
            int eventUnits = step * (_negotiated.TelephoneEventClockRate ?? info.PayloadClockRate) / info.PayloadClockRate;
            int eventLength = _dtmfOut.Next(eventUnits, _packet.AsSpan(RtpPacket.FixedHeaderLength), out bool marker, out bool finished);
            if (eventLength > 0)
            {
                _sender.NextHeader(_packet, (byte)eventPayloadType, marker, eventLength, 0);
                Send(_packet.AsSpan(0, RtpPacket.FixedHeaderLength + eventLength));
                if (finished)
                {
                    _sender.AdvanceTimestamp((uint)(step * TelephoneEventSender.EventTicks));
                }
                return;
            }
        }
        int length = _encoder.Encode(frame, _packet.AsSpan(RtpPacket.FixedHeaderLength));
        if (length <= 0)
        {
            // DTX: the encoder had nothing worth sending; the clock still moves.
            _sender.AdvanceTimestamp((uint)step);
            return;
        }
        _sender.NextHeader(_packet, (byte)_negotiated.PayloadType, _firstPacket, length, (uint)step);
        _firstPacket = false;
        Send(_packet.AsSpan(0, RtpPacket.FixedHeaderLength + length));
    }

    private void Send(ReadOnlySpan<byte> datagram)
    {
        try
        {
            _lease.RtpSocket.SendTo(datagram, SocketFlags.None, _remoteRtp!);
        }
        catch (SocketException)
        {
            // A full send buffer or an unreachable peer costs this packet only; RTCP and the timeout report the rest.
        }
    }

    private void PlayFrame()
    {
        var info = _decoder!.Info;
        int samples = info.SamplesPerFrame();
        var frame = _playFrame.AsSpan(0, samples);
        int length = 0;
        var result = _receiving ? _jitter!.Get(_jitterPayload, out length) : JitterResult.NotReady;
        switch (result)
        {
            case JitterResult.Frame:
                int decoded = _decoder.Decode(_jitterPayload.AsSpan(0, length), _playFrame);
                if (decoded < samples)
                {
                    // An undecodable payload or a shorter frame: conceal the rest rather than play a click.
                    _decoder.Conceal(frame[Math.Max(decoded, 0)..], default);
                }
                break;
            case JitterResult.Missing:
                ReadOnlySpan<byte> next = _jitter!.TryPeekNext(out var peeked) ? peeked : default;
                _decoder.Conceal(frame, next);
                break;
            default:
                frame.Clear();
                break;
        }
        _recorder?.WriteReceived(frame, info.PcmRate);
        _pcm?.Write(frame, info.PcmRate);
    }
}
