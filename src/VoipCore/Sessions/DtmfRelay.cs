using System.Globalization;

namespace VoipCore.Sessions;

/// <summary>The application/dtmf-relay body of SIP INFO ("Signal=5\r\nDuration=160\r\n"), the common de-facto format.</summary>
public static class DtmfRelay
{
    public static bool IsDigit(char c) => c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D') or (>= 'a' and <= 'd');

    public static string Format(char digit, int durationMs) => $"Signal={digit}\r\nDuration={durationMs.ToString(CultureInfo.InvariantCulture)}\r\n";

    /// <summary>Reads Signal (required, one digit) and Duration (ms, default 250) in any case and order.</summary>
    public static bool TryParse(string body, out char digit, out int durationMs)
    {
        digit = '\0';
        durationMs = 250;
        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.Trim();
            int eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (key.Equals("Signal", StringComparison.OrdinalIgnoreCase) && value.Length == 1 && IsDigit(value[0]))
            {
                digit = char.ToUpperInvariant(value[0]);
            }
            else if (key.Equals("Duration", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int ms))
            {
                durationMs = ms;
            }
        }
        return digit != '\0';
    }
}
