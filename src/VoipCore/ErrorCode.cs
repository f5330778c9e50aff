namespace VoipCore;

/// <summary>The error codes of the C ABI (vc_error_t); negative values, VC_OK is zero.</summary>
public enum ErrorCode
{
    Ok = 0,
    InvalidArgument = -1,
    InvalidHandle = -2,
    InvalidState = -3,
    NotFound = -4,
    Timeout = -5,
    Io = -6,
    Unsupported = -7,
    Shutdown = -8,
    Internal = -9,
}
