using System.Buffers;

namespace VoipCore.Sip;

/// <summary>Writes messages to the wire.</summary>
public static class SipSerializer
{
    /// <summary>
    /// Writes a parsed message unchanged: exactly the bytes it was parsed from (start line to end of body).
    /// To change anything, go through <see cref="SipMessageBuilder.From(SipMessage)"/>.
    /// </summary>
    public static void Write(SipMessage message, IBufferWriter<byte> writer) => writer.WriteBytes(message.RawMessage.Span);

    /// <summary>Serializes a builder into a new array (convenience for tests and cold paths).</summary>
    public static byte[] ToArray(SipMessageBuilder builder)
    {
        var writer = new ArrayBufferWriter<byte>(512);
        builder.WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }
}
