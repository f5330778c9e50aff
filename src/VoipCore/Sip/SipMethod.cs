namespace VoipCore.Sip;

/// <summary>The methods the stack knows; any other token is <see cref="Unknown"/> and kept as text.</summary>
public enum SipMethod : byte
{
    /// <summary>An extension method; read its name from the message.</summary>
    Unknown,
    Invite, Ack, Bye, Cancel, Options, Register, Prack, Subscribe, Notify, Publish, Info, Refer, Message, Update,
}

/// <summary>Conversions between method names and <see cref="SipMethod"/>. Method names are case-sensitive.</summary>
public static class SipMethods
{
    private static readonly byte[][] Names =
    [
        [], "INVITE"u8.ToArray(), "ACK"u8.ToArray(), "BYE"u8.ToArray(), "CANCEL"u8.ToArray(), "OPTIONS"u8.ToArray(),
        "REGISTER"u8.ToArray(), "PRACK"u8.ToArray(), "SUBSCRIBE"u8.ToArray(), "NOTIFY"u8.ToArray(),
        "PUBLISH"u8.ToArray(), "INFO"u8.ToArray(), "REFER"u8.ToArray(), "MESSAGE"u8.ToArray(), "UPDATE"u8.ToArray(),
    ];

    /// <summary>Classifies a method token without allocating.</summary>
    public static SipMethod Classify(ReadOnlySpan<byte> name)
    {
        for (int i = 1; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i])) return (SipMethod)i;
        }
        return SipMethod.Unknown;
    }

    /// <summary>The method name as written on the wire.</summary>
    public static ReadOnlySpan<byte> GetName(SipMethod method) =>
        method == SipMethod.Unknown ? throw new ArgumentException("Unknown methods have no fixed name.", nameof(method)) : Names[(int)method];
}
