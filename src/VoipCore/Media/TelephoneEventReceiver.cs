using VoipCore.Media.Codecs;

namespace VoipCore.Media;

/// <summary>
/// Turns received RFC 4733 packets into digits: one digit per event (its start timestamp), reported at its first
/// end packet, or when the next event starts if every end packet of the previous one was lost. Retransmitted end
/// packets and repeated updates are ignored. Used on one receiving thread.
/// </summary>
public sealed class TelephoneEventReceiver(int clockRate)
{
    private bool _tracking;
    private uint _timestamp;
    private byte _event;
    private ushort _duration;
    private bool _reported;

    /// <summary>A digit and its duration in ms.</summary>
    public readonly record struct Digit(char Key, int DurationMs);

    /// <summary>Takes one packet; returns the digit it completes, if any.</summary>
    public Digit? OnPacket(uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryRead(payload, out var packet) || packet.Event > 15)
        {
            return null;
        }
        Digit? completed = null;
        if (!_tracking || timestamp != _timestamp)
        {
            if (_tracking && !_reported)
            {
                completed = Complete();
            }
            _tracking = true;
            _timestamp = timestamp;
            _reported = false;
        }
        _event = packet.Event;
        _duration = Math.Max(_duration, packet.Duration);
        if (packet.End && !_reported)
        {
            _duration = packet.Duration;
            completed = Complete();
        }
        return completed;
    }

    private Digit? Complete()
    {
        _reported = true;
        int ms = (int)(_duration * 1000L / clockRate);
        _duration = 0;
        return DtmfDigits.TryGetDigit(_event, out char key) ? new Digit(key, ms) : null;
    }
}
