using VoipCore.Configuration;
using VoipCore.Sessions;

namespace VoipCore.Tests.Sessions;

/// <summary>Two engines on loopback, alice and bob, each listening on UDP, for calls between them.</summary>
internal sealed class CallPair : IDisposable
{
    public CallPair(string? aliceMedia = null, string? bobMedia = null, string? bobCalls = null)
    {
        Alice = Create(aliceMedia, null);
        Bob = Create(bobMedia, bobCalls);
        AliceAddress = Alice.Listen("udp:127.0.0.1:0");
        BobAddress = Bob.Listen("udp:127.0.0.1:0");
        AliceEvents = new EventLog(Alice);
        BobEvents = new EventLog(Bob);
    }

    public Engine Alice { get; }
    public Engine Bob { get; }
    public string AliceAddress { get; }
    public string BobAddress { get; }
    public EventLog AliceEvents { get; }
    public EventLog BobEvents { get; }

    /// <summary>sip:bob@127.0.0.1:PORT from "udp:127.0.0.1:PORT".</summary>
    public string BobUri => "sip:bob@" + BobAddress["udp:".Length..];

    private static Engine Create(string? media, string? calls)
    {
        string json = "{\"log_level\":\"off\"" + (media is null ? "" : $",\"media\":{media}") + (calls is null ? "" : $",\"calls\":{calls}") + "}";
        return new Engine(ConfigLoader.Load(json));
    }

    /// <summary>Alice calls bob and bob answers; returns both calls once each side is connected.</summary>
    public (Call Outgoing, Call Incoming) Connect(IReadOnlyList<string>? codecs = null)
    {
        var outgoing = Alice.Calls.MakeCall(null, BobUri, codecs);
        var incoming = Call.FromHandle(BobEvents.WaitForIncoming().Handle);
        incoming.Answer();
        AliceEvents.WaitForState(outgoing.Handle, CallState.Connected);
        BobEvents.WaitForState(incoming.Handle, CallState.Connected);
        return (outgoing, incoming);
    }

    public void Dispose()
    {
        Alice.Dispose();
        Bob.Dispose();
        AliceEvents.Dispose();
        BobEvents.Dispose();
    }
}
