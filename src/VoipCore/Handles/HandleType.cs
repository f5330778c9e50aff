namespace VoipCore.Handles;

/// <summary>The type tag stored in the top byte of every handle.</summary>
public enum HandleType : byte
{
    Engine = 1,
    Account = 2,
    Call = 3,
}
