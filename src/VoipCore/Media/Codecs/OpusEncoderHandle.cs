using Microsoft.Win32.SafeHandles;

namespace VoipCore.Media.Codecs;

/// <summary>An OpusEncoder* that is destroyed exactly once, even if its owner is never disposed.</summary>
internal sealed class OpusEncoderHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        OpusNative.EncoderDestroy(handle);
        return true;
    }
}
