using System.Text;

namespace VoipCore.Sdp;

/// <summary>
/// Writes a description with CRLF line ends in the RFC 4566 section 5 order: v o s i u e p c b t r z k a,
/// then per media m i c b k a. Lines of unknown type go just before the a= lines of their level.
/// </summary>
public static class SdpSerializer
{
    public static string Serialize(SessionDescription description)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        Line(text, 'o', description.Origin.ToString());
        // RFC 4566 section 5.3: a description without a name uses a single space.
        Line(text, 's', description.SessionName.Length == 0 ? " " : description.SessionName);
        OptionalLine(text, 'i', description.Information);
        OptionalLine(text, 'u', description.Uri);
        Lines(text, 'e', description.Emails);
        Lines(text, 'p', description.Phones);
        OptionalLine(text, 'c', description.Connection?.ToString());
        Lines(text, 'b', description.Bandwidths);
        WriteTimes(text, description.Times);
        OptionalLine(text, 'z', description.TimeZones);
        OptionalLine(text, 'k', description.EncryptionKey);
        WriteTail(text, description.UnknownLines, description.Attributes);
        foreach (var media in description.Media)
        {
            WriteMedia(text, media);
        }
        return text.ToString();
    }

    /// <summary>The description as UTF-8, ready to be a message body.</summary>
    public static byte[] SerializeToUtf8(SessionDescription description) =>
        Encoding.UTF8.GetBytes(Serialize(description));

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        text.Append("m=").Append(media.Media).Append(' ').Append(media.Port);
        if (media.PortCount is int count)
        {
            text.Append('/').Append(count);
        }
        text.Append(' ').Append(media.Protocol);
        foreach (var format in media.Formats)
        {
            text.Append(' ').Append(format);
        }
        text.Append("\r\n");
        OptionalLine(text, 'i', media.Information);
        Lines(text, 'c', media.Connections);
        Lines(text, 'b', media.Bandwidths);
        OptionalLine(text, 'k', media.EncryptionKey);
        WriteTail(text, media.UnknownLines, media.Attributes);
    }

    private static void WriteTimes(StringBuilder text, List<TimeDescription> times)
    {
        if (times.Count == 0)
        {
            // RFC 4566 requires a t= line; 0 0 is the unbounded session telephony uses.
            Line(text, 't', "0 0");
            return;
        }
        foreach (var time in times)
        {
            Line(text, 't', $"{time.StartTime} {time.StopTime}");
            Lines(text, 'r', time.RepeatTimes);
        }
    }

    private static void WriteTail(StringBuilder text, List<SdpLine> unknownLines, SdpAttributeList attributes)
    {
        foreach (var line in unknownLines)
        {
            Line(text, line.Type, line.Value);
        }
        Lines(text, 'a', attributes);
    }

    private static void Lines<T>(StringBuilder text, char type, IEnumerable<T> values) where T : notnull
    {
        foreach (var value in values)
        {
            Line(text, type, value.ToString()!);
        }
    }

    private static void OptionalLine(StringBuilder text, char type, string? value)
    {
        if (value is not null)
        {
            Line(text, type, value);
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
