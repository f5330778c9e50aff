using System.Net;
using System.Net.Sockets;
using System.Text;
using VoipCore.Transport;

namespace VoipCore.Tests.Transport;

public class TransportLayerTests
{
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    private static byte[] Message(string method, string body = "") => Encoding.UTF8.GetBytes(
        $"{method} sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    private static (TransportLayer Layer, RecordingTransportSink Sink) NewLayer(TransportOptions? options = null)
    {
        var sink = new RecordingTransportSink();
        return (new TransportLayer(options ?? new TransportOptions(), sink, _ => { }), sink);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task UdpDatagramsArriveWithTheirSource(string address)
    {
        var bind = new IPEndPoint(IPAddress.Parse(address), 0);
        var (server, serverSink) = NewLayer();
        var (client, clientSink) = NewLayer();
        using (server)
        using (client)
        {
            var serverAddress = server.Listen(TransportProtocol.Udp, bind);
            var clientAddress = client.Listen(TransportProtocol.Udp, bind);
            await client.SendAsync(serverAddress, Message("OPTIONS"));
            var received = serverSink.Next();
            Assert.Equal(clientAddress.EndPoint, received.Remote.EndPoint);
            Assert.StartsWith("OPTIONS ", Encoding.UTF8.GetString(received.Data.Span));

            await server.SendAsync(received.Remote, Message("SIP/2.0 200 OK"));
            Assert.Equal(serverAddress.EndPoint, clientSink.Next().Remote.EndPoint);
        }
    }

    [Fact]
    public async Task UdpKeepAlivesAndOversizedDatagramsAreNotMessages()
    {
        var (server, sink) = NewLayer(new TransportOptions { MaxMessageSize = 1000 });
        using (server)
        using (var raw = new UdpClient(AnyLoopbackPort))
        {
            var address = server.Listen(TransportProtocol.Udp, AnyLoopbackPort);
            await raw.SendAsync("\r\n\r\n"u8.ToArray(), address.EndPoint);
            await raw.SendAsync(Message("MESSAGE", new string('x', 2000)), address.EndPoint);
            Assert.StartsWith("MESSAGE", Encoding.UTF8.GetString(sink.NextOversized().Span));
            await raw.SendAsync(Message("OPTIONS"), address.EndPoint);
            Assert.StartsWith("OPTIONS", Encoding.UTF8.GetString(sink.Next().Data.Span));
        }
    }

    [Fact]
    public async Task TcpFramesSplitAndCoalescedMessagesAndAnswersPings()
    {
        var (server, sink) = NewLayer();
        using (server)
        using (var raw = new TcpClient())
        {
            var address = server.Listen(TransportProtocol.Tcp, AnyLoopbackPort);
            await raw.ConnectAsync(address.EndPoint);
            var stream = raw.GetStream();
            byte[] first = Message("MESSAGE", "hello"), second = Message("OPTIONS");
            await stream.WriteAsync(first.AsMemory(0, 20));
            await Task.Delay(30);
            await stream.WriteAsync((byte[])[.. first.AsSpan(20), .. "\r\n\r\n"u8, .. second]);
            Assert.EndsWith("hello", Encoding.UTF8.GetString(sink.Next().Data.Span));
            var pong = new byte[2];
            await stream.ReadExactlyAsync(pong);
            Assert.Equal("\r\n"u8.ToArray(), pong);
            var options = sink.Next();
            Assert.StartsWith("OPTIONS", Encoding.UTF8.GetString(options.Data.Span));
            Assert.NotNull(options.Connection);

            // A reply goes back over the same connection.
            await server.SendAsync(options.Remote, Message("SIP/2.0 200 OK"), options.Connection);
            var reply = new byte[15];
            await stream.ReadExactlyAsync(reply);
            Assert.Equal("SIP/2.0 200 OK ", Encoding.UTF8.GetString(reply));
        }
    }

    [Fact]
    public async Task TcpConnectionIsReusedForTheSameDestination()
    {
        var (server, serverSink) = NewLayer();
        var (client, _) = NewLayer();
        using (server)
        using (client)
        {
            var address = server.Listen(TransportProtocol.Tcp, AnyLoopbackPort);
            await client.SendAsync(address, Message("OPTIONS"));
            await client.SendAsync(address, Message("OPTIONS"));
            var one = serverSink.Next();
            var two = serverSink.Next();
            Assert.Equal(one.Remote, two.Remote);
            Assert.Equal(1, client.ConnectionCount);
        }
    }

    [Fact]
    public async Task HalfOpenAndGarbageConnectionsDoNotStopTheListener()
    {
        var (server, sink) = NewLayer(new TransportOptions { ConnectTimeout = TimeSpan.FromMilliseconds(500), MaxMessageSize = 4096 });
        using (server)
        using (var silent = new TcpClient())
        using (var garbage = new TcpClient())
        using (var good = new TcpClient())
        {
            var address = server.Listen(TransportProtocol.Tcp, AnyLoopbackPort);
            await silent.ConnectAsync(address.EndPoint);
            await garbage.ConnectAsync(address.EndPoint);
            await garbage.GetStream().WriteAsync(new byte[8192]);
            await good.ConnectAsync(address.EndPoint);
            await good.GetStream().WriteAsync(Message("OPTIONS"));
            Assert.StartsWith("OPTIONS", Encoding.UTF8.GetString(sink.Next().Data.Span));
            // The garbage connection overflowed the maximum without a header end and was dropped.
            Assert.Equal(0, await garbage.GetStream().ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task IdleConnectionsAreClosed()
    {
        var (server, _) = NewLayer(new TransportOptions { IdleTimeout = TimeSpan.FromMilliseconds(200) });
        using (server)
        using (var raw = new TcpClient())
        {
            var address = server.Listen(TransportProtocol.Tcp, AnyLoopbackPort);
            await raw.ConnectAsync(address.EndPoint);
            Assert.Equal(0, await raw.GetStream().ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        }
    }

    [Theory]
    [InlineData(TransportProtocol.Tls)]
    [InlineData(TransportProtocol.Ws)]
    [InlineData(TransportProtocol.Wss)]
    public async Task SecureAndWebSocketTransportsCarryMessagesBothWays(TransportProtocol protocol)
    {
        var (server, serverSink) = NewLayer(new TransportOptions { Certificate = TestCertificates.Server });
        var (client, clientSink) = NewLayer(new TransportOptions { TrustedAuthorities = [TestCertificates.Authority] });
        using (server)
        using (client)
        {
            var address = server.Listen(protocol, AnyLoopbackPort);
            await client.SendAsync(address, Message("REGISTER"));
            var request = serverSink.Next();
            Assert.StartsWith("REGISTER", Encoding.UTF8.GetString(request.Data.Span));
            Assert.Equal(protocol, request.Remote.Protocol);
            await server.SendAsync(request.Remote, Message("SIP/2.0 200 OK"), request.Connection);
            Assert.StartsWith("SIP/2.0 200 OK", Encoding.UTF8.GetString(clientSink.Next().Data.Span));
        }
    }

    [Fact]
    public async Task TlsRefusesAnUntrustedServerByDefault()
    {
        var (server, serverSink) = NewLayer(new TransportOptions { Certificate = TestCertificates.Server });
        var (client, _) = NewLayer();
        var (lenient, _) = NewLayer(new TransportOptions { VerifyPeer = false });
        using (server)
        using (client)
        using (lenient)
        {
            var address = server.Listen(TransportProtocol.Tls, AnyLoopbackPort);
            var error = await Assert.ThrowsAsync<VoipException>(async () => await client.SendAsync(address, Message("OPTIONS")));
            Assert.Equal(ErrorCode.Io, error.Code);
            Assert.True(serverSink.NothingWithin(100));
            await lenient.SendAsync(address, Message("OPTIONS"));
            Assert.StartsWith("OPTIONS", Encoding.UTF8.GetString(serverSink.Next().Data.Span));
        }
    }

    [Fact]
    public void SecureListenerWithoutCertificateIsAClearError()
    {
        var (layer, _) = NewLayer();
        using (layer)
        {
            var error = Assert.Throws<VoipException>(() => layer.Listen(TransportProtocol.Tls, AnyLoopbackPort));
            Assert.Contains("certificate", error.Message);
        }
    }

    [Fact]
    public void ListeningOnABusyPortIsAnIoError()
    {
        var (first, _) = NewLayer();
        var (second, _) = NewLayer();
        using (first)
        using (second)
        {
            var taken = first.Listen(TransportProtocol.Udp, AnyLoopbackPort);
            Assert.Equal(ErrorCode.Io, Assert.Throws<VoipException>(() => second.Listen(TransportProtocol.Udp, taken.EndPoint)).Code);
        }
    }

    [Fact]
    public async Task ConnectionsWeOpenSendDoubleCrlfPingsWhenIdle()
    {
        var (client, _) = NewLayer(new TransportOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(200) });
        using (client)
        using (var server = new TcpListener(IPAddress.Loopback, 0))
        {
            server.Start();
            var address = new TransportAddress(TransportProtocol.Tcp, (IPEndPoint)server.LocalEndpoint);
            await client.SendAsync(address, Message("OPTIONS"));
            using var accepted = await server.AcceptTcpClientAsync();
            var stream = accepted.GetStream();
            var request = new byte[Message("OPTIONS").Length];
            await stream.ReadExactlyAsync(request);
            var ping = new byte[4];
            await stream.ReadExactlyAsync(ping).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("\r\n\r\n"u8.ToArray(), ping);
        }
    }
}
