using VoipCore.Configuration;
using VoipCore.Logging;
using VoipCore.Sessions;
using VoipCore.Tests.Events;
using VoipCore.Tests.Sessions;

namespace VoipCore.Tests.UserAgent;

public class SipWireTraceTests
{
    private static List<string> Wire(RecordingLogSink sink) =>
        sink.Records.Where(r => r.Category == "sip.wire").Select(r => r.Message).ToList();

    [Fact]
    public void At_debug_level_every_sip_message_is_logged_whole_both_ways()
    {
        using var pair = new CallPair();
        var wire = new RecordingLogSink();
        pair.Alice.Log.Level = LogLevel.Debug;
        pair.Alice.Events.SetLogSink(wire);
        var (outgoing, _) = pair.Connect(["pcmu"]);
        outgoing.Hangup();
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
        Assert.True(SpinWait.SpinUntil(() => Wire(wire).Any(m => m.StartsWith("received from", StringComparison.Ordinal) && m.Contains("\nSIP/2.0 200 OK\r\n") && m.Contains("CSeq: 2 BYE")), 5000));
        var lines = Wire(wire);
        Assert.Contains(lines, m => m.StartsWith("sent to udp:127.0.0.1:", StringComparison.Ordinal) && m.Contains("\nINVITE sip:bob@") && m.Contains("application/sdp"));
        Assert.Contains(lines, m => m.StartsWith("received from", StringComparison.Ordinal) && m.Contains("\nSIP/2.0 180 Ringing\r\n"));
        Assert.Contains(lines, m => m.StartsWith("sent to", StringComparison.Ordinal) && m.Contains("\nACK sip:"));
    }

    [Fact]
    public void Above_debug_level_nothing_is_traced()
    {
        using var pair = new CallPair();
        var wire = new RecordingLogSink();
        pair.Alice.Log.Level = LogLevel.Info;
        pair.Alice.Events.SetLogSink(wire);
        var (outgoing, _) = pair.Connect(["pcmu"]);
        outgoing.Hangup();
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);
        Assert.Empty(Wire(wire));
    }
}
