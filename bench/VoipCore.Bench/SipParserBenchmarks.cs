using BenchmarkDotNet.Attributes;
using VoipCore.Sip;

namespace VoipCore.Bench;

/// <summary>
/// Parsing received messages into a reused <see cref="SipMessage"/>, as the transport does, then reading what the
/// transaction layer matches on (top Via branch, CSeq, Call-ID, tags, Max-Forwards, Content-Length).
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class SipParserBenchmarks
{
    private readonly SipMessage _message = new();
    private ReadOnlyMemory<byte> _invite;
    private ReadOnlyMemory<byte> _register;

    [GlobalSetup]
    public void Setup()
    {
        _invite = SampleMessages.Invite;
        _register = SampleMessages.Register;
    }

    [Benchmark(Baseline = true, Description = "INVITE: TryParseForTransaction + transaction headers")]
    public long ParseInviteTransaction()
    {
        if (!SipParser.TryParseForTransaction(_invite, _message, out _)) throw new InvalidOperationException("rejected");
        return ReadTransactionFields(_message);
    }

    [Benchmark(Description = "INVITE: TryParse (full validation) + transaction headers")]
    public long ParseInviteFullValidation()
    {
        if (!SipParser.TryParse(_invite, _message, out _)) throw new InvalidOperationException("rejected");
        return ReadTransactionFields(_message);
    }

    [Benchmark(Description = "REGISTER: TryParseForTransaction + transaction headers")]
    public long ParseRegisterTransaction()
    {
        if (!SipParser.TryParseForTransaction(_register, _message, out _)) throw new InvalidOperationException("rejected");
        return ReadTransactionFields(_message);
    }

    private static long ReadTransactionFields(SipMessage m)
    {
        m.TryGetTopVia(out ViaHeader via);
        m.TryGetCSeq(out CSeqHeader cseq);
        return via.Branch.Length + cseq.Number + m.CallId.Length + m.FromTag.Length + m.ToTag.Length
            + m.MaxForwards + m.ContentLength + (int)m.Method;
    }
}
