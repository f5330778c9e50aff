namespace VoipCore.Media.Rtp;

/// <summary>Round-trip time from a report block about our own stream (RFC 3550 section 6.4.1, LSR/DLSR).</summary>
public static class RoundTripTime
{
    // DLSR is rounded to 1/65536 s by the peer, so a loopback RTT can come out a hair below zero; beyond this
    // the block is inconsistent (a wrong LSR echo or a broken peer) and is ignored.
    private const int RoundingTolerance = 655;

    /// <summary>
    /// RTT = A - LSR - DLSR, where A is the middle 32 bits of the NTP time the report arrived
    /// (<see cref="NtpTimestamp.Middle32"/> of <see cref="NtpClock.At"/> of its arrival). False when the peer
    /// has not received an SR from us yet (LSR = 0) or the result is negative beyond rounding.
    /// </summary>
    public static bool TryCompute(uint arrivalNtpMiddle32, in RtcpReportBlock block, out TimeSpan roundTripTime)
    {
        roundTripTime = TimeSpan.Zero;
        if (block.LastSenderReport == 0)
        {
            return false;
        }
        var compact = (int)(arrivalNtpMiddle32 - block.LastSenderReport - block.DelaySinceLastSenderReport);
        if (compact < -RoundingTolerance)
        {
            return false;
        }
        roundTripTime = NtpTimestamp.FromCompact((uint)Math.Max(compact, 0));
        return true;
    }
}
