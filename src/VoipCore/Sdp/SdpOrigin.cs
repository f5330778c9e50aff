namespace VoipCore.Sdp;

/// <summary>The o= line: who created the description and which revision of it this is.</summary>
/// <param name="SessionId">Kept as text: peers send numbers wider than 64 bits, and it is only ever compared.</param>
/// <param name="SessionVersion">Incremented by one for every changed description of a session (RFC 3264 section 8).</param>
public sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetType,
    string AddressType,
    string Address)
{
    /// <summary>The same origin with the session version incremented by one.</summary>
    public SdpOrigin WithNextVersion() => this with { SessionVersion = SessionVersion + 1 };

    /// <summary>The o= value: <c>username sess-id sess-version nettype addrtype address</c>.</summary>
    public override string ToString() =>
        $"{Username} {SessionId} {SessionVersion} {NetType} {AddressType} {Address}";
}
