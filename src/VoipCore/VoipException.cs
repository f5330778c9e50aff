namespace VoipCore;

/// <summary>
/// A failure the host should see as an error code and a message. Anything else thrown inside
/// the stack is a bug and surfaces as <see cref="ErrorCode.Internal"/>.
/// </summary>
public sealed class VoipException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}
