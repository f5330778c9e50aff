using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace VoipCore.Auth;

/// <summary>
/// Issues nonces that can be checked without remembering them: base64url(issued-at ‖ salt ‖ HMAC-SHA256 tag)
/// under a key drawn at construction. A restart changes the key, so outstanding nonces become invalid and
/// clients are simply re-challenged.
/// </summary>
internal sealed class NonceFactory(TimeProvider time, TimeSpan lifetime)
{
    private const int StampBytes = 16; // 8 bytes issued-at (Unix ms), 8 bytes salt
    private const int TagBytes = 16;   // truncated HMAC-SHA256, 128 bits is ample against forgery
    private const int NonceBytes = StampBytes + TagBytes;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Create()
    {
        Span<byte> nonce = stackalloc byte[NonceBytes];
        BinaryPrimitives.WriteInt64BigEndian(nonce, time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce[8..StampBytes]);
        WriteTag(nonce[..StampBytes], nonce[StampBytes..]);
        return Base64Url.EncodeToString(nonce);
    }

    public NonceStatus Check(string nonce, out NonceStamp stamp)
    {
        stamp = default;
        Span<byte> raw = stackalloc byte[NonceBytes + 3]; // room to notice over-long input
        if (nonce.Length != Base64Url.GetEncodedLength(NonceBytes)
            || !Base64Url.TryDecodeFromChars(nonce, raw, out var length)
            || length != NonceBytes)
        {
            return NonceStatus.Invalid;
        }

        Span<byte> expectedTag = stackalloc byte[TagBytes];
        WriteTag(raw[..StampBytes], expectedTag);
        if (!CryptographicOperations.FixedTimeEquals(expectedTag, raw[StampBytes..NonceBytes]))
        {
            return NonceStatus.Invalid;
        }

        stamp = new NonceStamp(BinaryPrimitives.ReadInt64BigEndian(raw), BinaryPrimitives.ReadInt64BigEndian(raw[8..]));
        var age = time.GetUtcNow().ToUnixTimeMilliseconds() - stamp.IssuedAtUnixMs;
        return age > (long)lifetime.TotalMilliseconds ? NonceStatus.Expired : NonceStatus.Valid;
    }

    private void WriteTag(ReadOnlySpan<byte> stamp, Span<byte> tag)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, stamp, mac);
        mac[..TagBytes].CopyTo(tag);
    }
}
