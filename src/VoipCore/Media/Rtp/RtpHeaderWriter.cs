using System.Buffers.Binary;

namespace VoipCore.Media.Rtp;

/// <summary>Writes the fixed 12-byte RTP header (RFC 3550 section 5.1): no padding, extension or CSRCs.</summary>
public static class RtpHeaderWriter
{
    /// <summary>
    /// Writes the header into the start of <paramref name="destination"/> and returns its length
    /// (<see cref="RtpPacket.FixedHeaderLength"/>); the payload goes right after it.
    /// </summary>
    public static int Write(Span<byte> destination, byte payloadType, bool marker, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        if (payloadType > 127)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "RTP payload type must be 0-127");
        }
        if (destination.Length < RtpPacket.FixedHeaderLength)
        {
            throw new VoipException(ErrorCode.InvalidArgument, "RTP header needs 12 bytes");
        }
        destination[0] = 0x80;
        destination[1] = (byte)(marker ? payloadType | 0x80 : payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        return RtpPacket.FixedHeaderLength;
    }
}
