using System.Net;
using System.Net.Sockets;

namespace VoipCore.Media.Rtp;

/// <summary>
/// An RTP/RTCP port pair leased from a <see cref="MediaPortPool"/> with its two bound UDP sockets. Disposing it
/// closes both sockets and returns the pair; disposing twice is harmless.
/// </summary>
public sealed class MediaPortLease : IDisposable
{
    private readonly MediaPortPool _pool;
    private int _disposed;

    internal MediaPortLease(MediaPortPool pool, Socket rtpSocket, Socket rtcpSocket, int rtpPort)
    {
        _pool = pool;
        RtpSocket = rtpSocket;
        RtcpSocket = rtcpSocket;
        RtpPort = rtpPort;
    }

    /// <summary>The bound RTP socket (also carries RTCP when rtcp-mux is negotiated).</summary>
    public Socket RtpSocket { get; }

    /// <summary>The bound RTCP socket, on <see cref="RtpPort"/> + 1.</summary>
    public Socket RtcpSocket { get; }

    /// <summary>The even RTP port.</summary>
    public int RtpPort { get; }

    /// <summary>The RTCP port, <see cref="RtpPort"/> + 1.</summary>
    public int RtcpPort => RtpPort + 1;

    /// <summary>The RTP socket's local address and port.</summary>
    public IPEndPoint RtpEndPoint => (IPEndPoint)RtpSocket.LocalEndPoint!;

    /// <summary>Closes both sockets and returns the ports to the pool.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        RtpSocket.Dispose();
        RtcpSocket.Dispose();
        _pool.Release(RtpPort);
    }
}
