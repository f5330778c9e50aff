using System.Buffers;
using System.Buffers.Text;

namespace VoipCore.Sip;

/// <summary>Small helpers for writing SIP text into an <see cref="IBufferWriter{T}"/>.</summary>
internal static class BufferWriterExtensions
{
    public static void WriteBytes(this IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    public static void WriteNumber(this IBufferWriter<byte> writer, long value)
    {
        Span<byte> span = writer.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        writer.Advance(written);
    }

    public static void WriteUtf8(this IBufferWriter<byte> writer, string text)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        int written = System.Text.Encoding.UTF8.GetBytes(text, writer.GetSpan(max));
        writer.Advance(written);
    }
}
