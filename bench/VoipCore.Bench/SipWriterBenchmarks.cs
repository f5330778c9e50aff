using System.Buffers;
using BenchmarkDotNet.Attributes;
using VoipCore.Sip;

namespace VoipCore.Bench;

/// <summary>Writing messages: re-serializing a parsed INVITE through the builder, and starting a response to it.</summary>
[MemoryDiagnoser, MedianColumn]
public class SipWriterBenchmarks
{
    private readonly ArrayBufferWriter<byte> _writer = new(2048);
    private SipMessage _invite = null!;
    private SipMessageBuilder _inviteBuilder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = SipMessage.Parse(SampleMessages.Invite);
        _inviteBuilder = SipMessageBuilder.From(_invite);
    }

    [Benchmark(Description = "INVITE: SipMessageBuilder.WriteTo (reused writer)")]
    public int SerializeInvite()
    {
        _writer.ResetWrittenCount();
        _inviteBuilder.WriteTo(_writer);
        return _writer.WrittenCount;
    }

    [Benchmark(Description = "180 Ringing: SipResponses.Create + WriteTo")]
    public int CreateResponse()
    {
        _writer.ResetWrittenCount();
        SipResponses.Create(_invite, 180, toTag: "a6c85cf").WriteTo(_writer);
        return _writer.WrittenCount;
    }
}
