namespace VoipCore.Sip;

/// <summary>Whether a message is a request or a response (or has no recognisable start line).</summary>
public enum SipMessageKind : byte
{
    /// <summary>The start line could not be parsed.</summary>
    Unknown,
    /// <summary>A request: method, Request-URI, version.</summary>
    Request,
    /// <summary>A response: version, status code, reason phrase.</summary>
    Response,
}
