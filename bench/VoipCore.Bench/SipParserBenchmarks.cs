using BenchmarkDotNet.Attributes;
using VoipCore.Sip;

namespace VoipCore.Bench;

/// <summary>
/// Parsing received messages into a reused <see cref="SipMessage"/>, as the transport does. "Transaction" reads
/// what the transaction layer matches on (top Via branch, CSeq, Call-ID, tags, Max-Forwards, Content-Length).
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

    [Benchmark(Baseline = true, Description = "INVITE: parse + transaction headers")]
    public long ParseInviteTransaction()
    {
        if (!SipParser.TryParse(_invite, _message, out _)) throw new InvalidOperationException("rejected");
        return ReadTransactionFields(_message);
    }

    [Benchmark(Description = "INVITE: parse + full validation")]
    public bool ParseInviteFullValidation() =>
        SipParser.TryParse(_invite, _message, out _) && !SipMessageValidator.Validate(_message).IsError;

    [Benchmark(Description = "REGISTER: parse + transaction headers")]
    public long ParseRegisterTransaction()
    {
        if (!SipParser.TryParse(_register, _message, out _)) throw new InvalidOperationException("rejected");
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
