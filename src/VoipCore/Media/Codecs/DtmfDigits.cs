namespace VoipCore.Media.Codecs;

/// <summary>The DTMF keys and their RFC 4733 event codes: '0'-'9' are 0-9, '*' 10, '#' 11, 'A'-'D' 12-15.</summary>
public static class DtmfDigits
{
    private const string Keys = "0123456789*#ABCD";

    /// <summary>The event code of <paramref name="digit"/> ('a'-'d' accepted as 'A'-'D'); false for any other character.</summary>
    public static bool TryGetEvent(char digit, out byte eventCode)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit));
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The key of a DTMF event code (0..15, 'A'-'D' in upper case); false for codes that are not DTMF.</summary>
    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        var isDtmf = eventCode < Keys.Length;
        digit = isDtmf ? Keys[eventCode] : '\0';
        return isDtmf;
    }
}
