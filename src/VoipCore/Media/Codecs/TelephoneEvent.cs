using System.Buffers.Binary;

namespace VoipCore.Media.Codecs;

/// <summary>
/// The payload of an RFC 4733 telephone-event packet (section 2.3): event code, end bit, volume in -dBm0 (0..63),
/// and the duration so far in RTP timestamp units.
/// </summary>
/// <param name="Event">The event code; DTMF digits are 0..15 (see <see cref="DtmfDigits"/>).</param>
/// <param name="End">Set on the packets that end the event.</param>
/// <param name="Volume">The power level as a positive number of -dBm0, 0..63; the 6 bits the format carries.</param>
/// <param name="Duration">How long the event has lasted, in timestamp units of the stream's clock.</param>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>The size of the payload in bytes.</summary>
    public const int Size = 4;

    private const byte EndBit = 0x80;
    private const byte VolumeMask = 0x3F;

    /// <summary>
    /// Reads the first event of <paramref name="payload"/>; false when it is shorter than <see cref="Size"/>.
    /// The reserved bit is ignored, as RFC 4733 asks of receivers.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        if (payload.Length < Size)
        {
            telephoneEvent = default;
            return false;
        }
        telephoneEvent = new TelephoneEvent(
            payload[0], (payload[1] & EndBit) != 0, (byte)(payload[1] & VolumeMask), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the 4-byte payload to <paramref name="destination"/> and returns <see cref="Size"/>.</summary>
    /// <exception cref="VoipException">InvalidArgument when the destination is too small or the volume exceeds 63.</exception>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < Size || Volume > VolumeMask)
        {
            throw new VoipException(ErrorCode.InvalidArgument,
                $"a telephone-event needs {Size} bytes (got {destination.Length}) and a volume of 0..63 (got {Volume})");
        }
        destination[0] = Event;
        destination[1] = (byte)((End ? EndBit : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Size;
    }
}
