using System.Collections.Concurrent;
using VoipCore.Transport;

namespace VoipCore.Tests.Transport;

/// <summary>Collects what a transport layer hands upward, for tests to wait on.</summary>
internal sealed class RecordingTransportSink : ITransportSink
{
    private readonly BlockingCollection<InboundMessage> _messages = new();
    private readonly BlockingCollection<ReadOnlyMemory<byte>> _oversized = new();

    public void OnMessage(InboundMessage message) => _messages.Add(message);

    public void OnOversized(ReadOnlyMemory<byte> head, TransportAddress remote, ISipConnection? connection) => _oversized.Add(head);

    public InboundMessage Next(int timeoutMs = 5000) =>
        _messages.TryTake(out var message, timeoutMs) ? message : throw new TimeoutException("no message arrived");

    public bool NothingWithin(int timeoutMs) => !_messages.TryTake(out _, timeoutMs);

    public ReadOnlyMemory<byte> NextOversized(int timeoutMs = 5000) =>
        _oversized.TryTake(out var head, timeoutMs) ? head : throw new TimeoutException("no oversized report arrived");
}
