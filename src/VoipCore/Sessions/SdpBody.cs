using System.Text;
using VoipCore.Sdp;
using VoipCore.Sip;

namespace VoipCore.Sessions;

/// <summary>SDP carried in a SIP body (RFC 3261 13.2.1): reading it from a message and writing ours.</summary>
public static class SdpBody
{
    public const string ContentType = "application/sdp";

    /// <summary>True when the message has a body at all (whatever its type).</summary>
    public static bool HasBody(SipMessage message) => !message.Body.IsEmpty;

    /// <summary>
    /// Reads the SDP body. False with a reason when the body is not SDP or does not parse: a session answers 488.
    /// A message without a body gives true with a null description.
    /// </summary>
    public static bool TryRead(SipMessage message, out SessionDescription? description, out string error)
    {
        description = null;
        error = "";
        if (message.Body.IsEmpty)
        {
            return true;
        }
        string type = message.TryGetFirst(HeaderId.ContentType, out var value) ? SipText.Decode(value.Span) : "";
        int semicolon = type.IndexOf(';');
        if (!string.Equals((semicolon < 0 ? type : type[..semicolon]).Trim(), ContentType, StringComparison.OrdinalIgnoreCase))
        {
            error = $"the body is '{type}', not {ContentType}";
            return false;
        }
        try
        {
            description = SdpParser.Parse(Encoding.UTF8.GetString(message.Body.Span));
            return true;
        }
        catch (SdpParseException e)
        {
            error = $"malformed SDP: {e.Message}";
            return false;
        }
    }

    public static byte[] Write(SessionDescription description) => Encoding.UTF8.GetBytes(SdpSerializer.Serialize(description));
}
