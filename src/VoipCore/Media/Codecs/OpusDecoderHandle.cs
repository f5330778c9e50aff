using Microsoft.Win32.SafeHandles;

namespace VoipCore.Media.Codecs;

/// <summary>An OpusDecoder* that is destroyed exactly once, even if its owner is never disposed.</summary>
internal sealed class OpusDecoderHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        OpusNative.DecoderDestroy(handle);
        return true;
    }
}
