namespace VoipCore.Media.Rtp;

/// <summary>
/// Reception statistics for one remote source, per RFC 3550 appendix A: sequence validation with probation
/// (A.1), expected and lost counts (A.3), interarrival jitter (A.8), and the report block an RR or SR carries
/// about the source. Duplicates are counted as received, as section 6.4.1 asks, so the cumulative loss can go
/// negative; <see cref="Duplicates"/> tells how many there were. Used by one media thread; not thread-safe.
/// </summary>
public sealed class RtpReceiverStatistics
{
    private const int MinSequential = 2;
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulo = 1 << 16;
    private const int SeenWindow = 128;

    private ushort _maxSequence;
    private long _cycles;
    private long _baseSequence;
    private int _badSequence = SequenceModulo + 1;
    private int _probation = -1;
    private long _expectedPrior;
    private long _receivedPrior;
    // Bit i set: sequence number (_maxSequence - i) arrived; covers MaxMisorder to tell duplicates from late arrivals.
    private UInt128 _seen;
    private uint _lastTransit;
    private bool _hasTransit;
    // Jitter scaled by 16, as A.8 keeps it, so the 1/16 gain needs no division.
    private long _scaledJitter;

    /// <summary>Statistics for source <paramref name="ssrc"/> whose timestamps run at <paramref name="clockRate"/> Hz.</summary>
    public RtpReceiverStatistics(uint ssrc, int clockRate)
    {
        if (clockRate <= 0)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "clock rate must be positive");
        }
        Ssrc = ssrc;
        ClockRate = clockRate;
    }

    /// <summary>The source these statistics describe.</summary>
    public uint Ssrc { get; }

    /// <summary>The source's RTP clock rate in Hz.</summary>
    public int ClockRate { get; }

    /// <summary>True once two packets in sequence have validated the source (probation, A.1).</summary>
    public bool IsValid => _probation == 0;

    /// <summary>Packets counted since validation (duplicates included, packets on probation not).</summary>
    public long PacketsReceived { get; private set; }

    /// <summary>Payload octets of the counted packets.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Packets that repeated a sequence number already seen (within the last 128).</summary>
    public long Duplicates { get; private set; }

    /// <summary>Highest sequence number received, extended with the count of wrap-arounds in the upper 16 bits.</summary>
    public uint ExtendedHighestSequenceNumber => (uint)(_cycles + _maxSequence);

    /// <summary>Packets expected since validation: extended highest minus the first, plus one (A.3).</summary>
    public long Expected => IsValid ? _cycles + _maxSequence - _baseSequence + 1 : 0;

    /// <summary>Cumulative packets lost: <see cref="Expected"/> minus <see cref="PacketsReceived"/> (negative with duplicates).</summary>
    public long Lost => Expected - PacketsReceived;

    /// <summary>Interarrival jitter estimate in timestamp units (A.8), as a report block carries it.</summary>
    public uint Jitter => (uint)(_scaledJitter >> 4);

    /// <summary><see cref="Jitter"/> in milliseconds.</summary>
    public double JitterMs => Jitter * 1000.0 / ClockRate;

    /// <summary>
    /// Accounts one packet: its sequence number and timestamp, its arrival time in the source's clock units
    /// (<see cref="RtpClock.ToClockUnits"/>; only differences matter, so any origin will do), and its payload size.
    /// Returns false when the packet is not counted: the source is still on probation, or the sequence number
    /// jumped too far and is waiting for a second packet to confirm a restart. A false packet may still be played.
    /// Telephone-event packets share the sequence space but repeat their event's timestamp: pass
    /// <paramref name="sampled"/> false for them, so they count for loss but not for jitter.
    /// </summary>
    public bool Receive(ushort sequenceNumber, uint timestamp, long arrival, int payloadLength, bool sampled = true)
    {
        if (_probation < 0)
        {
            Restart(sequenceNumber);
            _maxSequence = (ushort)(sequenceNumber - 1);
            _probation = MinSequential;
        }
        if (!UpdateSequence(sequenceNumber, out var duplicate))
        {
            return false;
        }
        PacketsReceived++;
        BytesReceived += payloadLength;
        if (duplicate)
        {
            Duplicates++;
        }
        else if (sampled)
        {
            UpdateJitter(timestamp, (uint)arrival);
        }
        return true;
    }

    /// <summary>
    /// The report block about this source for our next SR/RR: the loss fraction covers the interval since the
    /// previous call (A.3), so call this once per report. <paramref name="lastSenderReport"/> is the middle 32 bits
    /// of the NTP timestamp of the source's last SR (0 when none came), and <paramref name="delaySinceLastSenderReport"/>
    /// how long ago it arrived.
    /// </summary>
    public RtcpReportBlock CreateReportBlock(uint lastSenderReport, TimeSpan delaySinceLastSenderReport)
    {
        var expected = Expected;
        var expectedInterval = expected - _expectedPrior;
        _expectedPrior = expected;
        var receivedInterval = PacketsReceived - _receivedPrior;
        _receivedPrior = PacketsReceived;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (lostInterval << 8) / expectedInterval;
        return new RtcpReportBlock(
            Ssrc,
            (byte)fraction,
            RtcpReportBlock.ClampCumulativeLost(Lost),
            ExtendedHighestSequenceNumber,
            Jitter,
            lastSenderReport,
            lastSenderReport == 0 ? 0 : NtpTimestamp.ToCompact(delaySinceLastSenderReport));
    }

    /// <summary>update_seq of A.1, plus duplicate detection over the last <see cref="SeenWindow"/> numbers.</summary>
    private bool UpdateSequence(ushort sequenceNumber, out bool duplicate)
    {
        duplicate = false;
        var delta = (ushort)(sequenceNumber - _maxSequence);
        if (_probation > 0)
        {
            if (sequenceNumber == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequenceNumber;
                if (_probation == 0)
                {
                    Restart(sequenceNumber);
                    return true;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSequence = sequenceNumber;
            }
            return false;
        }
        if (delta < MaxDropout)
        {
            if (sequenceNumber < _maxSequence)
            {
                _cycles += SequenceModulo;
            }
            _maxSequence = sequenceNumber;
            duplicate = delta == 0;
            _seen = delta >= SeenWindow ? 1 : (_seen << delta) | 1;
            return true;
        }
        if (delta <= SequenceModulo - MaxMisorder)
        {
            if (sequenceNumber == _badSequence)
            {
                // Two packets in sequence after a big jump: the sender restarted, so start over from here.
                Restart(sequenceNumber);
                return true;
            }
            _badSequence = (sequenceNumber + 1) & (SequenceModulo - 1);
            return false;
        }
        var behind = SequenceModulo - delta;
        var bit = UInt128.One << behind;
        duplicate = (_seen & bit) != 0;
        _seen |= bit;
        return true;
    }

    /// <summary>init_seq of A.1.</summary>
    private void Restart(ushort sequenceNumber)
    {
        _baseSequence = sequenceNumber;
        _maxSequence = sequenceNumber;
        _badSequence = SequenceModulo + 1;
        _cycles = 0;
        PacketsReceived = 0;
        BytesReceived = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
        _seen = 1;
        _hasTransit = false;
    }

    private void UpdateJitter(uint timestamp, uint arrival)
    {
        var transit = arrival - timestamp;
        if (_hasTransit)
        {
            // Widened before negating: a hostile timestamp can make the difference int.MinValue.
            long d = (int)(transit - _lastTransit);
            _scaledJitter += Math.Abs(d) - ((_scaledJitter + 8) >> 4);
        }
        _lastTransit = transit;
        _hasTransit = true;
    }
}
