namespace VoipCore;

/// <summary>The library version; include/voipcore.h repeats these numbers and a native test checks they agree.</summary>
public static class LibraryVersion
{
    public const int Major = 0;
    public const int Minor = 1;
    public const int Patch = 0;
    public const string Text = "0.1.0";
}
