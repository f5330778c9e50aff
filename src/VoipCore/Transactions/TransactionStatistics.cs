namespace VoipCore.Transactions;

/// <summary>Counters for what arrived and what was done about it; read by tests and exposed to hosts.</summary>
public sealed class TransactionStatistics
{
    private long _received, _malformedAnswered, _malformedDropped, _oversized, _retransmissionsAbsorbed, _strayResponses;

    public long Received => Interlocked.Read(ref _received);
    public long MalformedAnswered => Interlocked.Read(ref _malformedAnswered);
    public long MalformedDropped => Interlocked.Read(ref _malformedDropped);
    public long Oversized => Interlocked.Read(ref _oversized);
    public long RetransmissionsAbsorbed => Interlocked.Read(ref _retransmissionsAbsorbed);
    public long StrayResponses => Interlocked.Read(ref _strayResponses);

    internal void CountReceived() => Interlocked.Increment(ref _received);
    internal void CountMalformedAnswered() => Interlocked.Increment(ref _malformedAnswered);
    internal void CountMalformedDropped() => Interlocked.Increment(ref _malformedDropped);
    internal void CountOversized() => Interlocked.Increment(ref _oversized);
    internal void CountRetransmission() => Interlocked.Increment(ref _retransmissionsAbsorbed);
    internal void CountStrayResponse() => Interlocked.Increment(ref _strayResponses);
}
