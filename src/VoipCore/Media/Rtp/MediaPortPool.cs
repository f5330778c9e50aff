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
                if (TryBind(localAddress, rtpPort, out var rtp) && TryBind(localAddress, rtpPort + 1, out var rtcp))
                {
                    _leased[index] = true;
                    _inUse++;
                    return new MediaPortLease(this, rtp, rtcp, rtpPort);
                }
                rtp?.Dispose();
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

    private static bool TryBind(IPAddress address, int port, [NotNullWhen(true)] out Socket? socket)
    {
        socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            socket.Dispose();
            socket = null;
            return false;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
