using VoipCore.Sdp;

namespace VoipCore.Fuzz;

/// <summary>
/// The SDP parser's fuzz properties: malformed input is reported only as a parse error, and an accepted
/// description serializes to text that parses again and serializes to the same text.
/// </summary>
public static class SdpFuzzTarget
{
    public static void Check(ReadOnlySpan<byte> input)
    {
        if (!SdpParser.TryParse(System.Text.Encoding.UTF8.GetString(input), out SessionDescription? description, out _))
            return;
        string text = SdpSerializer.Serialize(description);
        if (!SdpParser.TryParse(text, out SessionDescription? again, out SdpParseError? error))
            throw new FuzzCheckFailedException($"serialized description rejected: {error}");
        if (SdpSerializer.Serialize(again) != text)
            throw new FuzzCheckFailedException("serialization is not stable");
    }
}
