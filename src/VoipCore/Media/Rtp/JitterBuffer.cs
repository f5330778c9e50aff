namespace VoipCore.Media.Rtp;

/// <summary>
/// An adaptive jitter buffer for one audio stream of fixed-duration frames, one frame per packet.
/// <see cref="Put"/> takes packets as they arrive; <see cref="Get"/> is called once per frame tick and hands out
/// the frame due, or says it is missing. Storage is preallocated; neither call allocates.
/// </summary>
/// <remarks>
/// <para>Delay is measured against the fastest path: the transit (arrival minus timestamp) of the quickest packet
/// in the last 2-4 s is the baseline, a packet's spread is how much slower it came, and the playout delay is how
/// long after its baseline arrival a frame plays. A frame is on time whenever the delay covers its spread.</para>
/// <para>The jitter estimate is the largest spread of the last 10 s; the target delay is that plus half a frame,
/// within the configured bounds. The buffer grows at once: a packet arriving after its turn (while nothing later
/// has played) moves playout back to it, so the frames concealed meanwhile become added delay rather than loss;
/// and when the delay falls below the jitter estimate, a tick plays nothing (one inserted concealed frame). It
/// shrinks slowly: only once a spike has left the 10 s window, and then by at most one dropped frame a second
/// while the delay exceeds target by a frame.</para>
/// <para>A timestamp jump with consecutive sequence numbers is a pause (DTX), not loss. A packet too far from
/// the playout point is dropped unless the next packet confirms the jump, which then restarts the buffer on the
/// new timeline (a new stream or a restarted sender); call <see cref="Reset"/> on an SSRC change.</para>
/// <para>Not thread-safe: one media thread calls Put and Get.</para>
/// </remarks>
public sealed class JitterBuffer
{
    private const int JitterWindowSeconds = 10;
    private const int BaselineWindowMs = 2_000;
    private const int ShrinkSpacingMs = 1_000;
    private const int MaxSequenceJump = 3_000;
    private const int MaxMisorder = 100;
    private const int PlayedWindow = 64;

    // Extended values start this high so they stay positive through any early reordering or wrap.
    private const long ExtendedOrigin = 1L << 40;

    private readonly int _step;
    private readonly int _clockRate;
    private readonly int _maxPayload;
    private readonly TimeProvider _time;
    private readonly long _frequency;
    private readonly byte[] _payloads;
    private readonly Slot[] _slots;
    private readonly long _minDelay;
    private readonly long _maxDelay;
    private readonly long _initialDelay;
    // The largest transit seen in each of the last JitterWindowSeconds seconds, by arrival second modulo the
    // window. Kept as transits, not spreads, so a baseline that moves moves the jitter estimate with it.
    private readonly long[] _transitMaxima = new long[JitterWindowSeconds];
    private readonly int _baselineWindowPackets;
    private readonly int _shrinkSpacingTicks;

    private int _count;
    private bool _hasStream;
    private bool _playing;
    private long _epochTicks;
    private long _highestSequence;
    private long _highestTimestamp;
    // While filling: the earliest timestamp held. While playing: the timestamp the next Get plays.
    private long _playTimestamp;
    private long _lastPlayedSequence;
    // Bit i set: sequence (_lastPlayedSequence - i) was played, so a copy arriving now is a duplicate, not late.
    private ulong _playedMask;
    private long _windowMinTransit;
    private long _previousWindowMinTransit;
    private int _windowPackets;
    private long _transitSecond;
    private long _delay;
    private int _ticksSinceShrink;
    private bool _lastGetInserted;
    private bool _jumpPending;
    private ushort _jumpSequence;
    private uint _jumpTimestamp;

    /// <summary>
    /// A buffer for frames of <paramref name="timestampStep"/> RTP units (e.g. 960 for 20 ms of Opus at
    /// 48 kHz) at <paramref name="clockRate"/> Hz. Arrival ticks given to <see cref="Put"/> must come from
    /// <paramref name="time"/>'s <see cref="TimeProvider.GetTimestamp"/>: Stopwatch ticks for the default system clock.
    /// </summary>
    public JitterBuffer(int timestampStep, int clockRate, JitterBufferSettings settings, TimeProvider? time = null)
    {
        if (timestampStep <= 0 || clockRate <= 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "timestamp step and clock rate must be positive");
        }
        if (settings.MinDelayMs < 0 || settings.MaxDelayMs < settings.MinDelayMs || settings.InitialDelayMs < 0 ||
            settings.Capacity < 2 || settings.MaxPayloadSize < 1)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "jitter buffer settings out of range");
        }
        _step = timestampStep;
        _clockRate = clockRate;
        _maxPayload = settings.MaxPayloadSize;
        _time = time ?? TimeProvider.System;
        _frequency = _time.TimestampFrequency;
        _payloads = new byte[settings.Capacity * settings.MaxPayloadSize];
        _slots = new Slot[settings.Capacity];
        _minDelay = MsToUnits(settings.MinDelayMs);
        _maxDelay = MsToUnits(settings.MaxDelayMs);
        _initialDelay = MsToUnits(settings.InitialDelayMs);
        var frameMs = timestampStep * 1000.0 / clockRate;
        _baselineWindowPackets = Math.Max(1, (int)(BaselineWindowMs / frameMs));
        _shrinkSpacingTicks = Math.Max(1, (int)(ShrinkSpacingMs / frameMs));
        Reset();
    }

    /// <summary>Packets accepted.</summary>
    public long Received { get; private set; }

    /// <summary>Packets refused because the same sequence number was held or already played.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Packets refused because their turn had passed (and playout could not step back to them).</summary>
    public long Late { get; private set; }

    /// <summary>Packets refused because they did not fit: too far ahead, no free slot, or a payload too large.</summary>
    public long Overflow { get; private set; }

    /// <summary>Packets never played because they were lost or came too late: the frames concealed for loss.</summary>
    public long Lost { get; private set; }

    /// <summary>Every <see cref="JitterResult.Missing"/> handed out: loss, late packets, underruns and inserted frames.</summary>
    public long Concealed { get; private set; }

    /// <summary>Frames dropped to bring the delay down to target.</summary>
    public long Dropped { get; private set; }

    /// <summary>Times a confirmed timestamp or sequence jump restarted the buffer.</summary>
    public long Resyncs { get; private set; }

    /// <summary>The playout delay over the fastest path at the last <see cref="Get"/>, in ms (0 while not playing).</summary>
    public int CurrentDelayMs => _playing ? UnitsToMs(_delay) : 0;

    /// <summary>The delay the buffer steers toward: the jitter estimate plus half a frame, within the settings' bounds.</summary>
    public int TargetDelayMs => UnitsToMs(TargetDelay);

    /// <summary>The jitter estimate: the largest spread of arrival over the fastest path in the last 10 s, in ms.</summary>
    public int JitterMs => UnitsToMs(Jitter);

    /// <summary>The RTP timestamp the next <see cref="Get"/> plays or conceals (meaningful once playing).</summary>
    public uint PlayoutTimestamp => (uint)_playTimestamp;

    private long TargetDelay => Math.Clamp(Jitter + _step / 2, _minDelay, _maxDelay);

    private long Jitter
    {
        get
        {
            var maximum = long.MinValue;
            foreach (var transit in _transitMaxima)
            {
                maximum = Math.Max(maximum, transit);
            }
            return maximum == long.MinValue || Baseline == long.MaxValue ? 0 : Math.Max(0, maximum - Baseline);
        }
    }

    private long Baseline => Math.Min(_windowMinTransit, _previousWindowMinTransit);

    /// <summary>
    /// Offers a packet that arrived at <paramref name="arrivalTicks"/>. The payload is copied. Returns false, and
    /// counts why, for a duplicate, a packet whose turn has passed, or one that does not fit.
    /// </summary>
    public bool Put(ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload, long arrivalTicks)
    {
        if (payload.Length > _maxPayload)
        {
            Overflow++;
            return false;
        }
        if (!_hasStream)
        {
            Begin(sequenceNumber, timestamp, arrivalTicks);
        }
        var sequence = _highestSequence + (short)(sequenceNumber - (ushort)_highestSequence);
        var rtpTime = _highestTimestamp + (int)(timestamp - (uint)_highestTimestamp);
        var jump = JumpOf(sequence, rtpTime);
        if (jump != 0)
        {
            if (!ConfirmsJump(sequenceNumber, timestamp))
            {
                if (jump < 0)
                {
                    Late++;
                }
                else
                {
                    Overflow++;
                }
                return false;
            }
            Resyncs++;
            Restart();
            Begin(sequenceNumber, timestamp, arrivalTicks);
            sequence = _highestSequence;
            rtpTime = _highestTimestamp;
        }
        _jumpPending = false;
        if (sequence <= _lastPlayedSequence && _playing)
        {
            if (WasPlayed(sequence))
            {
                Duplicates++;
                return false;
            }
            ObserveTransit(rtpTime, arrivalTicks);
            Late++;
            return false;
        }
        ref var slot = ref _slots[SlotOf(sequence)];
        if (slot.Used)
        {
            if (slot.Sequence == sequence)
            {
                Duplicates++;
            }
            else
            {
                Overflow++;
            }
            return false;
        }
        var spread = ObserveTransit(rtpTime, arrivalTicks);
        if (_playing && rtpTime < _playTimestamp)
        {
            // Its turn passed, but nothing after it has played: step playout back to it, so the frames concealed
            // meanwhile become added delay instead of loss. Not beyond the maximum delay, which this would become.
            if (spread > _maxDelay)
            {
                Late++;
                return false;
            }
            _playTimestamp = rtpTime;
        }
        if (!_playing)
        {
            _playTimestamp = Math.Min(_playTimestamp, rtpTime);
            _lastPlayedSequence = Math.Min(_lastPlayedSequence, sequence - 1);
        }
        slot.Used = true;
        slot.Sequence = sequence;
        slot.Timestamp = rtpTime;
        slot.Length = payload.Length;
        payload.CopyTo(_payloads.AsSpan(SlotOf(sequence) * _maxPayload));
        _count++;
        if (sequence > _highestSequence)
        {
            _highestSequence = sequence;
            _highestTimestamp = rtpTime;
        }
        Received++;
        return true;
    }

    /// <summary>
    /// The frame for this tick. <see cref="JitterResult.Frame"/> copies its payload into <paramref name="payload"/>
    /// (which must hold <see cref="JitterBufferSettings.MaxPayloadSize"/> bytes) and sets <paramref name="length"/>;
    /// other results leave length 0.
    /// </summary>
    public JitterResult Get(Span<byte> payload, out int length)
    {
        length = 0;
        _lastGetInserted = false;
        if (!_hasStream)
        {
            return JitterResult.NotReady;
        }
        var now = RtpClock.ToClockUnits(_time.GetTimestamp() - _epochTicks, _frequency, _clockRate);
        if (!_playing)
        {
            if (_count == 0 || now - _playTimestamp - Baseline < _initialDelay)
            {
                return JitterResult.NotReady;
            }
            _playing = true;
            _playedMask = 0;
        }
        _delay = now - _playTimestamp - Baseline;
        var target = TargetDelay;
        if (_delay < target - _step / 2)
        {
            // Below the jitter estimate (target less half a frame), so packets would soon come late: play nothing
            // this tick, which adds a frame of delay at the cost of one concealed frame.
            _lastGetInserted = true;
            Concealed++;
            return JitterResult.Missing;
        }
        _ticksSinceShrink++;
        var earliest = Earliest();
        if (earliest >= 0 && _slots[earliest].Timestamp < _playTimestamp + _step)
        {
            if (_delay >= target + _step && _ticksSinceShrink >= _shrinkSpacingTicks)
            {
                var next = Find(_slots[earliest].Timestamp + _step);
                if (next >= 0)
                {
                    Consume(earliest);
                    Dropped++;
                    _ticksSinceShrink = 0;
                    earliest = next;
                }
            }
            var played = _payloads.AsSpan(earliest * _maxPayload, _slots[earliest].Length);
            if (payload.Length < played.Length)
            {
                throw new VoipException(ErrorCode.InvalidArgument, "payload buffer smaller than the frame");
            }
            played.CopyTo(payload);
            length = played.Length;
            Consume(earliest);
            return JitterResult.Frame;
        }
        _playTimestamp += _step;
        if (earliest >= 0 && _slots[earliest].Sequence == _lastPlayedSequence + 1)
        {
            return JitterResult.Silence;
        }
        Concealed++;
        return JitterResult.Missing;
    }

    /// <summary>
    /// The payload the next <see cref="Get"/> will play, when it is already here: after a
    /// <see cref="JitterResult.Missing"/>, the packet following the gap, whose Opus in-band FEC can rebuild the
    /// missing frame. False after an inserted frame (its follower describes a frame already played). The span
    /// is valid until the next Put or Get.
    /// </summary>
    public bool TryPeekNext(out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (!_playing || _lastGetInserted)
        {
            return false;
        }
        var earliest = Earliest();
        if (earliest < 0 || _slots[earliest].Timestamp >= _playTimestamp + _step)
        {
            return false;
        }
        payload = _payloads.AsSpan(earliest * _maxPayload, _slots[earliest].Length);
        return true;
    }

    /// <summary>
    /// Forgets the stream (call it when the SSRC changes): the next packet starts a new one and playout refills
    /// to the initial delay. Counters are kept; the jitter estimate starts over, as transits of a new timeline
    /// do not compare with the old.
    /// </summary>
    public void Reset()
    {
        Restart();
        _hasStream = false;
    }

    private void Restart()
    {
        Array.Clear(_slots);
        _count = 0;
        _playing = false;
        _delay = 0;
        _jumpPending = false;
        _windowMinTransit = long.MaxValue;
        _previousWindowMinTransit = long.MaxValue;
        _windowPackets = 0;
        Array.Fill(_transitMaxima, long.MinValue);
        _transitSecond = long.MinValue;
        _ticksSinceShrink = 0;
        _lastGetInserted = false;
    }

    private void Begin(ushort sequenceNumber, uint timestamp, long arrivalTicks)
    {
        _hasStream = true;
        _epochTicks = arrivalTicks;
        _highestSequence = ExtendedOrigin + sequenceNumber;
        _highestTimestamp = ExtendedOrigin + timestamp;
        _playTimestamp = _highestTimestamp;
        _lastPlayedSequence = _highestSequence - 1;
    }

    /// <summary>
    /// Negative when the packet is a whole buffer's span or more behind the playout point, positive when as far
    /// ahead, else 0. Merely late packets, however late, stay within this, so heavy jitter is no jump.
    /// </summary>
    private int JumpOf(long sequence, long rtpTime)
    {
        var span = (long)_slots.Length * _step;
        if (_playTimestamp - rtpTime >= span || _lastPlayedSequence - sequence >= MaxMisorder)
        {
            return -1;
        }
        if (rtpTime - _playTimestamp >= span || sequence - _highestSequence > MaxSequenceJump)
        {
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// A jump counts once two packets in sequence make it, as RFC 3550 A.1 does for a restarted sender, so one
    /// stray packet cannot flush the buffer.
    /// </summary>
    private bool ConfirmsJump(ushort sequenceNumber, uint timestamp)
    {
        var confirmed = _jumpPending && sequenceNumber == (ushort)(_jumpSequence + 1) &&
            (uint)(timestamp - _jumpTimestamp) <= (uint)(_slots.Length * _step);
        _jumpPending = !confirmed;
        _jumpSequence = sequenceNumber;
        _jumpTimestamp = timestamp;
        return confirmed;
    }

    /// <summary>Feeds the baseline and the jitter estimate; returns the packet's spread over the fastest path.</summary>
    private long ObserveTransit(long rtpTime, long arrivalTicks)
    {
        var transit = RtpClock.ToClockUnits(arrivalTicks - _epochTicks, _frequency, _clockRate) - rtpTime;
        _windowMinTransit = Math.Min(_windowMinTransit, transit);
        // Two alternating windows: the minimum follows a path that got slower within 2-4 s, and clock drift too.
        if (++_windowPackets >= _baselineWindowPackets)
        {
            _previousWindowMinTransit = _windowMinTransit;
            _windowMinTransit = long.MaxValue;
            _windowPackets = 0;
        }
        var second = arrivalTicks / _frequency;
        if (second > _transitSecond)
        {
            // Seconds without packets (DTX) start empty, up to the whole window.
            for (var passed = Math.Max(second - JitterWindowSeconds, _transitSecond) + 1; passed <= second; passed++)
            {
                _transitMaxima[(ulong)passed % JitterWindowSeconds] = long.MinValue;
            }
            _transitSecond = second;
        }
        ref var maximum = ref _transitMaxima[(ulong)_transitSecond % JitterWindowSeconds];
        maximum = Math.Max(maximum, transit);
        return transit - Baseline;
    }

    private void Consume(int index)
    {
        ref var slot = ref _slots[index];
        if (slot.Sequence > _lastPlayedSequence)
        {
            Lost += slot.Sequence - _lastPlayedSequence - 1;
            var shift = slot.Sequence - _lastPlayedSequence;
            _playedMask = shift >= PlayedWindow ? 1 : (_playedMask << (int)shift) | 1;
            _lastPlayedSequence = slot.Sequence;
        }
        else if (_lastPlayedSequence - slot.Sequence < PlayedWindow)
        {
            _playedMask |= 1UL << (int)(_lastPlayedSequence - slot.Sequence);
        }
        _playTimestamp = slot.Timestamp + _step;
        slot.Used = false;
        _count--;
    }

    private bool WasPlayed(long sequence) =>
        _lastPlayedSequence - sequence < PlayedWindow && (_playedMask & (1UL << (int)(_lastPlayedSequence - sequence))) != 0;

    private int Earliest()
    {
        var found = -1;
        for (var index = 0; index < _slots.Length; index++)
        {
            if (_slots[index].Used && (found < 0 || _slots[index].Timestamp < _slots[found].Timestamp))
            {
                found = index;
            }
        }
        return found;
    }

    private int Find(long rtpTime)
    {
        for (var index = 0; index < _slots.Length; index++)
        {
            if (_slots[index].Used && _slots[index].Timestamp == rtpTime)
            {
                return index;
            }
        }
        return -1;
    }

    private int SlotOf(long sequence) => (int)(sequence % _slots.Length);

    private long MsToUnits(int ms) => (long)ms * _clockRate / 1000;

    private int UnitsToMs(long units) => (int)(units * 1000 / _clockRate);

    private struct Slot
    {
        public bool Used;
        public long Sequence;
        public long Timestamp;
        public int Length;
    }
}
