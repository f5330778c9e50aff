using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace VoipCore.Media.Rtp;

/// <summary>
/// Hands out RTP/RTCP port pairs from a configured range: an even RTP port and RTCP on the next one
/// (RFC 3550 section 11), each bound to a real UDP socket. Ports another process holds are skipped. Allocation
/// rotates through the range, so a port just released is the last to be reused and late packets of an ended
/// call do not reach the next one. Thread-safe.
/// </summary>
public sealed class MediaPortPool
{
    private readonly object _gate = new();
    // One flag per pair, index i meaning RTP port FirstPort + 2i.
    private readonly bool[] _leased;
    private int _next;
    private int _inUse;

    /// <summary>A pool over [<paramref name="minPort"/>, <paramref name="maxPort"/>]; an odd minimum moves up to the next even port.</summary>
    public MediaPortPool(int minPort, int maxPort)
    {
        if (minPort < 1 || maxPort > IPEndPoint.MaxPort || minPort > maxPort)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"invalid RTP port range {minPort}-{maxPort}");
        }
        MinPort = minPort;
        MaxPort = maxPort;
        var firstEven = minPort + (minPort & 1);
        var pairs = (maxPort - firstEven + 1) / 2;
        if (pairs < 1)
        {
            throw new VoipException(ErrorCode.InvalidArgument, $"RTP port range {minPort}-{maxPort} holds no even/odd pair");
        }
        _leased = new bool[pairs];
    }

    /// <summary>The lowest port of the range.</summary>
    public int MinPort { get; }

    /// <summary>The highest port of the range.</summary>
    public int MaxPort { get; }

    /// <summary>Port pairs currently leased.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse;
            }
        }
    }

    private int FirstPort => MinPort + (MinPort & 1);

    /// <summary>
    /// Binds the next free pair on <paramref name="localAddress"/> (IPv4 or IPv6) and returns the lease holding
    /// both sockets; dispose it to close them and return the ports. Throws <see cref="VoipException"/> with
    /// <see cref="ErrorCode.Io"/> when every pair is leased or held by someone else.
    /// </summary>
    public MediaPortLease Acquire(IPAddress localAddress)
    {
        lock (_gate)
        {
            for (var tried = 0; tried < _leased.Length; tried++)
            {
                var index = _next;
                _next = (_next + 1) % _leased.Length;
                if (_leased[index])
                {
                    continue;
                }
                var rtpPort = FirstPort + 2 * index;
                if (!TryBind(localAddress, rtpPort, out var rtp))
                {
                    continue;
                }
                Socket? rtcp;
                try
                {
                    if (!TryBind(localAddress, rtpPort + 1, out rtcp))
                    {
                        rtp.Dispose();
                        continue;
                    }
                }
                catch
                {
                    rtp.Dispose();
                    throw;
                }
                _leased[index] = true;
                _inUse++;
                return new MediaPortLease(this, rtp, rtcp, rtpPort);
            }
        }
        throw new VoipException(ErrorCode.Io, $"no free RTP port in {MinPort}-{MaxPort} on {localAddress}");
    }

    /// <summary>Returns a lease's pair to the pool; called once by the lease when disposed.</summary>
    internal void Release(int rtpPort)
    {
        lock (_gate)
        {
            var index = (rtpPort - FirstPort) / 2;
            if (_leased[index])
            {
                _leased[index] = false;
                _inUse--;
            }
        }
    }

    /// <summary>
    /// Binds a UDP socket; false when another socket holds the port. Any other failure (an address that is not
    /// local, an unsupported family) would fail for every port alike, so it ends the search with an error.
    /// </summary>
    private static bool TryBind(IPAddress address, int port, [NotNullWhen(true)] out Socket? socket)
    {
        socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            socket = null;
            if (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                return false;
            }
            throw new VoipException(ErrorCode.Io, $"cannot bind an RTP port on {address}: {e.Message}");
        }
    }
}
