using VoipCore.Sip;

namespace VoipCore.Transactions;

/// <summary>
/// Matches messages to transactions (RFC 3261 17.1.3 and 17.2.3): the branch, the method (ACK
/// folded onto INVITE) and, for server transactions, the top Via's sent-by, because two clients
/// may pick the same branch.
/// </summary>
public readonly record struct TransactionKey(string Branch, string SentBy, SipMethod Method, string MethodName)
{
    public static TransactionKey ForClient(string branch, SipMethod method, string methodName) =>
        new(branch, "", Fold(method), method == SipMethod.Unknown ? methodName : "");

    public static TransactionKey ForServer(string branch, string sentBy, SipMethod method, string methodName) =>
        new(branch, sentBy, Fold(method), method == SipMethod.Unknown ? methodName : "");

    private static SipMethod Fold(SipMethod method) => method == SipMethod.Ack ? SipMethod.Invite : method;
}
