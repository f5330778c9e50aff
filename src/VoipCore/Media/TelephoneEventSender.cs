using System.Collections.Concurrent;
using VoipCore.Media.Codecs;

namespace VoipCore.Media;

/// <summary>
/// Plays queued digits as RFC 4733 events, one packet per frame tick: the tone for <see cref="ToneTicks"/>
/// packets with a growing duration, then the end packet three times (section 2.5.1.4: the end is sent
/// redundantly), then a gap of audio before the next digit. All packets of an event carry its start timestamp,
/// so the caller holds the RTP clock during the event and advances it by <see cref="EventTicks"/> frames after.
/// Digits are queued from any thread; the rest runs on the media thread.
/// </summary>
public sealed class TelephoneEventSender
{
    /// <summary>Tone packets per digit: 100 ms at 20 ms per packet, the usual keypress.</summary>
    public const int ToneTicks = 5;

    /// <summary>Frame ticks an event occupies: its tone packets and the three end packets.</summary>
    public const int EventTicks = ToneTicks + 3;

    /// <summary>Audio frames between two digits (60 ms), so a receiver sees separate presses.</summary>
    public const int GapTicks = 3;

    private const byte Volume = 10;

    private readonly ConcurrentQueue<byte> _pending = new();
    private int _tick = -1;
    private byte _event;
    private int _gapLeft;

    /// <summary>True while a digit is being played (its ticks send no audio).</summary>
    public bool Active => _tick >= 0;

    /// <summary>Digits not yet started.</summary>
    public int Pending => _pending.Count;

    public void Enqueue(string digits)
    {
        foreach (char digit in digits)
        {
            if (!DtmfDigits.TryGetEvent(digit, out byte code))
            {
                throw new VoipException(ErrorCode.InvalidArgument, $"'{digit}' is not a DTMF digit (0-9, *, #, A-D)");
            }
            _pending.Enqueue(code);
        }
    }

    /// <summary>
    /// For one frame tick: writes the event payload when this tick belongs to a digit and returns its length (0:
    /// send audio). <paramref name="marker"/> is set on the event's first packet; <paramref name="finished"/> on its
    /// last, after which the caller advances the RTP clock by <see cref="EventTicks"/> frames.
    /// </summary>
    public int Next(int frameUnits, Span<byte> payload, out bool marker, out bool finished)
    {
        marker = false;
        finished = false;
        if (_tick < 0)
        {
            if (_gapLeft > 0)
            {
                _gapLeft--;
                return 0;
            }
            if (!_pending.TryDequeue(out _event))
            {
                return 0;
            }
            _tick = 0;
            marker = true;
        }
        bool end = _tick >= ToneTicks;
        int duration = Math.Min(_tick + 1, ToneTicks) * frameUnits;
        int length = new TelephoneEvent(_event, end, Volume, (ushort)Math.Min(duration, ushort.MaxValue)).Write(payload);
        if (++_tick == EventTicks)
        {
            _tick = -1;
            _gapLeft = GapTicks;
            finished = true;
        }
        return length;
    }
}
