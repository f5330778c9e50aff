using System.Security.Cryptography;

namespace VoipCore.Transactions;

/// <summary>Branch parameters and tags: the RFC 3261 magic cookie plus enough randomness to be unique across hosts.</summary>
public static class BranchIds
{
    public const string MagicCookie = "z9hG4bK";

    public static string NewBranch() => MagicCookie + RandomToken(12);

    /// <summary>A From/To tag (RFC 3261 19.3 asks for at least 32 bits of randomness).</summary>
    public static string NewTag() => RandomToken(8);

    /// <summary>A Call-ID local part.</summary>
    public static string NewCallId() => RandomToken(16);

    private static string RandomToken(int bytes)
    {
        Span<byte> random = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }
}
