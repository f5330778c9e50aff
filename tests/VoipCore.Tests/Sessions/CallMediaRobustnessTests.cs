using System.Net;
using System.Net.Sockets;
using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Sessions;
using static VoipCore.Tests.Sessions.EventLog;

namespace VoipCore.Tests.Sessions;

[Collection(MediaTimingCollection.Name)]
public class CallMediaRobustnessTests
{
    private static (Engine Engine, EventLog Events) Caller(string media)
    {
        var engine = new Engine(ConfigLoader.Load($"{{\"log_level\":\"off\",\"media\":{media}}}"));
        engine.Listen("udp:127.0.0.1:0");
        return (engine, new EventLog(engine));
    }

    [Fact]
    public void Silence_from_the_peer_raises_the_rtp_timeout_and_hangs_up_when_configured()
    {
        var (engine, events) = Caller("{\"rtp_timeout_s\":1,\"hangup_on_rtp_timeout\":true}");
        using var callee = new RawCallee();
        try
        {
            var call = engine.Calls.MakeCall(null, callee.Uri, ["pcmu"]);
            callee.AnswerInvite();
            events.WaitForState(call.Handle, CallState.Connected);
            var timeout = events.WaitFor(e => e.Type == EventType.CallRtpTimeout && e.Handle == call.Handle, "RTP timeout", 5000);
            Assert.Equal(1, timeout.Value);
            events.WaitForState(call.Handle, CallState.Terminating);
            callee.AnswerBye();
            var end = events.WaitForState(call.Handle, CallState.Terminated, 5000);
            Assert.Equal("hung up", Text(end, "reason"));
            Assert.Equal(0, engine.Media.Ports.InUse);
        }
        finally
        {
            engine.Dispose();
            events.Dispose();
        }
    }

    [Fact]
    public void Packets_from_strangers_and_bad_headers_are_dropped_and_counted_and_loss_warns()
    {
        var (engine, events) = Caller("{\"quality_interval_s\":1}");
        using var callee = new RawCallee();
        using var stranger = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            var call = engine.Calls.MakeCall(null, callee.Uri, ["pcmu"]);
            callee.AnswerInvite();
            events.WaitForState(call.Handle, CallState.Connected);
            // 60 packets with every fifth missing: 20 % loss; then a truncated header, version 1, and a stranger's packets.
            callee.SendRtp(Enumerable.Range(1, 75).Where(seq => seq % 5 != 0));
            callee.SendRaw([0x80, 0x00, 0x01]);
            callee.SendRaw([0x40, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
            callee.SendRtp([76, 77, 78], from: stranger);
            var warning = events.WaitFor(e => e.Type == EventType.CallQualityWarning && e.Handle == call.Handle, "loss warning", 5000);
            Assert.Equal("loss", Text(warning, "reason"));
            var stats = call.Statistics;
            Assert.True(stats.PacketsDropped == 5, stats.ToString());
            // RFC 3550 A.1: the first packet only starts the source's probation and is not counted.
            Assert.True(stats.PacketsReceived == 59, stats.ToString());
            Assert.Equal(14, stats.PacketsLost);
            Assert.InRange(stats.LossPercent, 18.0, 19.5);
            Assert.True(stats.Mos < 3.5, $"MOS {stats.Mos} with 20 % loss");
            call.Hangup();
        }
        finally
        {
            engine.Dispose();
            events.Dispose();
        }
    }

    [Fact]
    public void An_invite_with_malformed_sdp_gets_488_and_no_call()
    {
        var (engine, events) = Caller("{}");
        try
        {
            int port = int.Parse(engine.Listen("udp:127.0.0.1:0").Split(':')[^1]);
            using var raw = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            int local = ((IPEndPoint)raw.Client.LocalEndPoint!).Port;
            string body = "v=0\r\no=broken\r\nm=audio notaport RTP/AVP 0\r\n";
            string invite = $"INVITE sip:bob@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bKbad1\r\n" +
                $"From: <sip:x@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: bad-sdp-1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" +
                $"Contact: <sip:x@127.0.0.1:{local}>\r\nContent-Type: application/sdp\r\nContent-Length: {body.Length}\r\n\r\n{body}";
            raw.Send(System.Text.Encoding.ASCII.GetBytes(invite), new IPEndPoint(IPAddress.Loopback, port));
            raw.Client.ReceiveTimeout = 5000;
            string final = "";
            for (int i = 0; i < 5 && !final.StartsWith("SIP/2.0 488", StringComparison.Ordinal); i++)
            {
                var from = new IPEndPoint(IPAddress.Any, 0);
                final = System.Text.Encoding.ASCII.GetString(raw.Receive(ref from));
            }
            Assert.StartsWith("SIP/2.0 488", final);
            Assert.Empty(events.All(e => e.Type == EventType.CallIncoming));
            Assert.Equal(0, engine.Media.Ports.InUse);
        }
        finally
        {
            engine.Dispose();
            events.Dispose();
        }
    }
}
