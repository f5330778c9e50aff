using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VoipCore.Media.Rtp;

namespace VoipCore.Tests.Media.Rtp;

public class MediaPortPoolTests
{
    // Ranges of their own per test, high in the registered range, so tests running in parallel do not compete.
    private static List<MediaPortLease> AcquireAll(MediaPortPool pool, IPAddress address)
    {
        var leases = new List<MediaPortLease>();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                leases.Add(pool.Acquire(address));
            }
            catch (VoipException)
            {
                break;
            }
        }
        return leases;
    }

    [Fact]
    public void LeasesEvenRtpPortsWithRtcpNextToThemOnBoundSockets()
    {
        var pool = new MediaPortPool(47100, 47119);
        var leases = AcquireAll(pool, IPAddress.Loopback);
        try
        {
            Assert.InRange(leases.Count, 8, 10);
            Assert.Equal(leases.Count, pool.InUse);
            Assert.Equal(leases.Count, leases.Select(l => l.RtpPort).Distinct().Count());
            foreach (var lease in leases)
            {
                Assert.Equal(0, lease.RtpPort % 2);
                Assert.InRange(lease.RtpPort, 47100, 47118);
                Assert.Equal(lease.RtpPort + 1, lease.RtcpPort);
                Assert.Equal(new IPEndPoint(IPAddress.Loopback, lease.RtpPort), lease.RtpEndPoint);
                Assert.Equal(lease.RtcpPort, ((IPEndPoint)lease.RtcpSocket.LocalEndPoint!).Port);
            }
        }
        finally
        {
            leases.ForEach(l => l.Dispose());
        }
    }

    [Fact]
    public void ThrowsAnIoErrorWhenExhaustedAndTakesReleasedPortsBack()
    {
        var pool = new MediaPortPool(47130, 47137);
        var leases = AcquireAll(pool, IPAddress.Loopback);
        Assert.InRange(leases.Count, 1, 4);

        var error = Assert.Throws<VoipException>(() => pool.Acquire(IPAddress.Loopback));
        Assert.Equal(ErrorCode.Io, error.Code);
        Assert.Contains("no free RTP port in 47130-47137", error.Message);

        var released = leases[0].RtpPort;
        leases[0].Dispose();
        leases[0].Dispose();
        Assert.Equal(leases.Count - 1, pool.InUse);
        using (var again = pool.Acquire(IPAddress.Loopback))
        {
            Assert.Equal(released, again.RtpPort);
        }
        leases.Skip(1).ToList().ForEach(l => l.Dispose());
        Assert.Equal(0, pool.InUse);
        // The sockets were closed: the ports bind again.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, released));
    }

    [Fact]
    public void SkipsPortsSomeoneElseHolds()
    {
        using var takenRtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        takenRtp.Bind(new IPEndPoint(IPAddress.Loopback, 47150));
        using var takenRtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        takenRtcp.Bind(new IPEndPoint(IPAddress.Loopback, 47153));
        var pool = new MediaPortPool(47150, 47159);

        var leases = AcquireAll(pool, IPAddress.Loopback);
        try
        {
            Assert.DoesNotContain(leases, l => l.RtpPort is 47150 or 47152);
            Assert.InRange(leases.Count, 1, 3);
            // The pair whose RTCP port was taken did not keep its RTP socket.
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 47152));
        }
        finally
        {
            leases.ForEach(l => l.Dispose());
        }
    }

    [Fact]
    public void BindsIpv6WhenGivenAnIpv6Address()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }
        var pool = new MediaPortPool(47170, 47179);
        using var lease = pool.Acquire(IPAddress.IPv6Loopback);

        Assert.Equal(AddressFamily.InterNetworkV6, lease.RtpSocket.AddressFamily);
        Assert.Equal(IPAddress.IPv6Loopback, lease.RtpEndPoint.Address);
    }

    [Fact]
    public void NeverLeasesOnePairTwiceUnderConcurrency()
    {
        var pool = new MediaPortPool(47200, 47259);
        var held = new ConcurrentDictionary<int, bool>();
        var clashes = 0;
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                using var lease = pool.Acquire(IPAddress.Loopback);
                if (!held.TryAdd(lease.RtpPort, true))
                {
                    Interlocked.Increment(ref clashes);
                }
                held.TryRemove(lease.RtpPort, out var _);
            }
        });
        Assert.Equal(0, clashes);
        Assert.Equal(0, pool.InUse);
    }

    [Fact]
    public void ReportsAnAddressThatIsNotLocalAsAnIoError()
    {
        var pool = new MediaPortPool(47180, 47189);

        // 192.0.2.0/24 is TEST-NET-1, never assigned to a host.
        var error = Assert.Throws<VoipException>(() => pool.Acquire(IPAddress.Parse("192.0.2.1")));
        Assert.Equal(ErrorCode.Io, error.Code);
        Assert.Equal(0, pool.InUse);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 70000)]
    [InlineData(200, 100)]
    [InlineData(101, 101)]
    public void RefusesBadRanges(int min, int max)
    {
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => new MediaPortPool(min, max)).Code);
    }
}
