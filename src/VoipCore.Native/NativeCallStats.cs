using System.Runtime.InteropServices;
using System.Text;
using VoipCore.Sessions;

namespace VoipCore.Native;

/// <summary>vc_call_stats_t: a versioned struct, filled only as far as the caller's struct_size reaches.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeCallStats
{
    /// <summary>The size of the first published layout; later fields are filled only for callers that know them.</summary>
    public const int FirstVersionSize = 112;

    public uint StructSize;
    public int JitterBufferMs;
    public fixed byte Codec[16];
    public ulong PacketsSent;
    public ulong BytesSent;
    public ulong PacketsReceived;
    public ulong BytesReceived;
    public ulong PacketsLost;
    public ulong PacketsDropped;
    public double LossPercent;
    public double JitterMs;
    public double RttMs;
    public double Mos;
    public double DurationSeconds;

    public static void Fill(NativeCallStats* target, MediaStatistics stats, double durationSeconds)
    {
        var filled = new NativeCallStats
        {
            StructSize = target->StructSize,
            JitterBufferMs = stats.JitterBufferMs,
            PacketsSent = (ulong)stats.PacketsSent,
            BytesSent = (ulong)stats.BytesSent,
            PacketsReceived = (ulong)stats.PacketsReceived,
            BytesReceived = (ulong)stats.BytesReceived,
            PacketsLost = (ulong)Math.Max(0, stats.PacketsLost),
            PacketsDropped = (ulong)stats.PacketsDropped,
            LossPercent = stats.LossPercent,
            JitterMs = stats.JitterMs,
            RttMs = stats.RttMs ?? -1,
            Mos = stats.Mos,
            DurationSeconds = durationSeconds,
        };
        // Codec names are ASCII ("PCMU", "opus"); 15 bytes and a NUL always fit them.
        int length = Encoding.ASCII.GetBytes(stats.Codec.AsSpan(0, Math.Min(stats.Codec.Length, 15)), new Span<byte>(filled.Codec, 15));
        filled.Codec[length] = 0;
        Buffer.MemoryCopy(&filled, target, target->StructSize, Math.Min(target->StructSize, (uint)sizeof(NativeCallStats)));
    }
}
