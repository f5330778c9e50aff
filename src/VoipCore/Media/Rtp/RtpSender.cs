using System.Security.Cryptography;

namespace VoipCore.Media.Rtp;

/// <summary>
/// The sending side of one RTP stream: SSRC, sequence number and media clock, and the counts a sender report
/// carries. Sequence number and timestamp start at random values (RFC 3550 section 5.1) so a known-plaintext
/// attack on SRTP gains nothing from them. Used by one media thread; not thread-safe.
/// </summary>
public sealed class RtpSender
{
    /// <summary>A sender with a random SSRC, initial sequence number and initial timestamp.</summary>
    public RtpSender()
        : this(RandomUInt32(), (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1), RandomUInt32())
    {
    }

    /// <summary>A sender starting from the given values (for tests, or to continue a stream after a restart).</summary>
    public RtpSender(uint ssrc, ushort initialSequenceNumber, uint initialTimestamp)
    {
        Ssrc = ssrc;
        SequenceNumber = initialSequenceNumber;
        Timestamp = initialTimestamp;
    }

    /// <summary>Our synchronization source.</summary>
    public uint Ssrc { get; }

    /// <summary>The sequence number the next packet gets.</summary>
    public ushort SequenceNumber { get; private set; }

    /// <summary>
    /// The media clock: the timestamp the next packet gets. Between packets it is also "now" in RTP units, which is
    /// the value a sender report built at this tick carries.
    /// </summary>
    public uint Timestamp { get; private set; }

    /// <summary>Packets sent so far (the SR's packet count is this modulo 2^32).</summary>
    public long PacketCount { get; private set; }

    /// <summary>Payload octets sent so far, headers and padding excluded (the SR's octet count modulo 2^32).</summary>
    public long OctetCount { get; private set; }

    /// <summary>
    /// Writes the 12-byte header of the next packet into <paramref name="destination"/>, counts a packet of
    /// <paramref name="payloadLength"/> octets, then moves the sequence number on by one and the media clock by
    /// <paramref name="timestampAdvance"/> (the frame's duration in clock units). Packets of one telephone-event
    /// all carry the event's start timestamp: send them with an advance of 0, then call
    /// <see cref="AdvanceTimestamp"/> with the event's duration. Returns the header length.
    /// </summary>
    public int NextHeader(Span<byte> destination, byte payloadType, bool marker, int payloadLength, uint timestampAdvance)
    {
        var written = RtpHeaderWriter.Write(destination, payloadType, marker, SequenceNumber, Timestamp, Ssrc);
        SequenceNumber++;
        Timestamp += timestampAdvance;
        PacketCount++;
        OctetCount += payloadLength;
        return written;
    }

    /// <summary>
    /// Moves the media clock on without sending: frames not sent during DTX/silence suppression, or the
    /// duration of a telephone-event whose packets kept its start timestamp. The sequence number does not move,
    /// so the receiver sees a pause, not a loss.
    /// </summary>
    public void AdvanceTimestamp(uint units) => Timestamp += units;

    private static uint RandomUInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt32(bytes);
    }
}
