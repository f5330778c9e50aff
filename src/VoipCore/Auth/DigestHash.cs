using System.Security.Cryptography;

namespace VoipCore.Auth;

/// <summary>
/// The Digest computations of RFC 2617 section 3.2.2 / RFC 7616 section 3.4: HA1, HA2 and the request digest,
/// as lowercase hex. HA1 here is always the base H(username:realm:password); the -sess step is applied inside,
/// so a stored HA1 serves both the plain and the -sess variant of its hash.
/// </summary>
public static class DigestHash
{
    private const int StackInputBytes = 512;

    /// <summary>Computes H(username:realm:password), what a host may store instead of the password.</summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        Span<char> hex = stackalloc char[DigestAlgorithms.MaxHexLength];
        return new string(hex[..WriteHa1(algorithm, username, realm, password, hex)]);
    }

    /// <summary>Computes the request digest (the <c>response</c> parameter).</summary>
    /// <param name="algorithm">Algorithm of the challenge.</param>
    /// <param name="ha1">Base HA1 in lowercase hex for the algorithm's hash family.</param>
    /// <param name="nonce">Server nonce.</param>
    /// <param name="cnonce">Client nonce; required with a qop or a -sess algorithm.</param>
    /// <param name="nonceCount">nc value; ignored without qop.</param>
    /// <param name="qop">None, Auth or AuthInt.</param>
    /// <param name="method">Request method, e.g. REGISTER.</param>
    /// <param name="uri">The digest-uri, as sent in the <c>uri</c> parameter.</param>
    /// <param name="body">Message body; only used with auth-int.</param>
    public static string ComputeResponse(DigestAlgorithm algorithm, string ha1, string nonce, string? cnonce, uint nonceCount,
        DigestQop qop, string method, string uri, ReadOnlySpan<byte> body = default)
    {
        Span<char> hex = stackalloc char[DigestAlgorithms.MaxHexLength];
        return new string(hex[..WriteResponse(algorithm, ha1, nonce, cnonce, nonceCount, qop, method, uri, body, hex)]);
    }

    internal static int WriteHa1(DigestAlgorithm algorithm, string username, string realm, string password, Span<char> destination)
    {
        var input = new ColonJoinedUtf8(stackalloc byte[StackInputBytes]);
        input.Add(username);
        input.Add(realm);
        input.Add(password);
        return Finish(ref input, algorithm, destination);
    }

    internal static int WriteResponse(DigestAlgorithm algorithm, ReadOnlySpan<char> ha1, string nonce, string? cnonce, uint nonceCount,
        DigestQop qop, string method, string uri, ReadOnlySpan<byte> body, Span<char> destination)
    {
        if (qop is not (DigestQop.None or DigestQop.Auth or DigestQop.AuthInt))
        {
            throw new ArgumentOutOfRangeException(nameof(qop), qop, "A response uses a single qop value.");
        }
        if (cnonce is null && (qop != DigestQop.None || algorithm.IsSession()))
        {
            throw new ArgumentNullException(nameof(cnonce), "A cnonce is required with a qop or a -sess algorithm.");
        }

        Span<char> sessionHa1 = stackalloc char[DigestAlgorithms.MaxHexLength];
        scoped var effectiveHa1 = ha1;
        if (algorithm.IsSession())
        {
            var session = new ColonJoinedUtf8(stackalloc byte[StackInputBytes]);
            session.Add(ha1);
            session.Add(nonce);
            session.Add(cnonce);
            effectiveHa1 = sessionHa1[..Finish(ref session, algorithm, sessionHa1)];
        }

        Span<char> ha2 = stackalloc char[DigestAlgorithms.MaxHexLength];
        ha2 = ha2[..WriteHa2(algorithm, qop, method, uri, body, ha2)];

        var input = new ColonJoinedUtf8(stackalloc byte[StackInputBytes]);
        input.Add(effectiveHa1);
        input.Add(nonce);
        if (qop != DigestQop.None)
        {
            input.Add(DigestCredentials.FormatNonceCount(nonceCount));
            input.Add(cnonce);
            input.Add(qop.ToName());
        }
        input.Add(ha2);
        return Finish(ref input, algorithm, destination);
    }

    private static int WriteHa2(DigestAlgorithm algorithm, DigestQop qop, string method, string uri, ReadOnlySpan<byte> body, Span<char> destination)
    {
        var input = new ColonJoinedUtf8(stackalloc byte[StackInputBytes]);
        input.Add(method);
        input.Add(uri);
        if (qop == DigestQop.AuthInt)
        {
            Span<char> bodyHash = stackalloc char[DigestAlgorithms.MaxHexLength];
            input.Add(bodyHash[..HashHex(algorithm, body, bodyHash)]);
        }
        return Finish(ref input, algorithm, destination);
    }

    private static int Finish(ref ColonJoinedUtf8 input, DigestAlgorithm algorithm, Span<char> destination)
    {
        var written = HashHex(algorithm, input.Written, destination);
        input.Dispose();
        return written;
    }

    private static int HashHex(DigestAlgorithm algorithm, ReadOnlySpan<byte> data, Span<char> destination)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = algorithm.HashFamily() switch
        {
            DigestAlgorithm.Md5 => MD5.HashData(data, hash),
            DigestAlgorithm.Sha256 => SHA256.HashData(data, hash),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported digest algorithm."),
        };
        if (!Convert.TryToHexStringLower(hash[..length], destination, out var written))
        {
            throw new ArgumentException("Destination too small for the hex digest.", nameof(destination));
        }
        return written;
    }
}
