using System.Text;
using VoipCore.Auth;

namespace VoipCore.Tests.Auth;

public class DigestHashTests
{
    // RFC 2617 section 3.5.
    [Fact]
    public void Rfc2617WorkedExample()
    {
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        var response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "0a4f113b", 1,
            DigestQop.Auth, "GET", "/dir/index.html");
        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    // RFC 7616 section 3.9.1 (password with lowercase "of", per verified erratum 4495).
    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616Examples(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = DigestHash.ComputeHa1(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");
        var response = DigestHash.ComputeResponse(algorithm, ha1, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1, DigestQop.Auth, "GET", "/dir/index.html");
        Assert.Equal(expected, response);
    }

    // SIP-shaped vectors computed independently with md5sum/sha256sum over the colon-joined strings.
    [Theory]
    [InlineData(DigestAlgorithm.Md5, DigestQop.Auth, 1u, "3a0ac53917b99876c2ae16fe9231bf97")]
    [InlineData(DigestAlgorithm.Md5, DigestQop.Auth, 2u, "5a79a408a14559e45ad854d6bf9614bd")]
    [InlineData(DigestAlgorithm.Md5, DigestQop.None, 0u, "4d6fd3110ce65f960c5c00591aa50051")]
    [InlineData(DigestAlgorithm.Md5Sess, DigestQop.Auth, 1u, "f01b96ba9ce1535e3773bf530d88bac5")]
    [InlineData(DigestAlgorithm.Sha256Sess, DigestQop.Auth, 1u, "adde2bff5dabe26dedd74dd1cad2f4db4a59de9ad71bef15c7f7eb9102fcbd33")]
    public void SipRegisterVectors(DigestAlgorithm algorithm, DigestQop qop, uint nc, string expected)
    {
        var ha1 = DigestHash.ComputeHa1(algorithm, "alice", "atlanta.example.com", "s3cr3t");
        var response = DigestHash.ComputeResponse(algorithm, ha1, "84a4cc6f3082121f32b42a2187831a9e", "0a4f113b", nc, qop,
            "REGISTER", "sip:atlanta.example.com");
        Assert.Equal(expected, response);
    }

    [Fact]
    public void AuthIntHashesTheBody()
    {
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "alice", "atlanta.example.com", "s3cr3t");
        var body = Encoding.UTF8.GetBytes("v=0\r\no=alice 1 1 IN IP4 192.0.2.1\r\n");
        var response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, "84a4cc6f3082121f32b42a2187831a9e", "0a4f113b", 1,
            DigestQop.AuthInt, "INVITE", "sip:bob@biloxi.example.com", body);
        Assert.Equal("37695181a42952ad75c8968c364dbf0d", response);
    }

    [Fact]
    public void Ha1MatchesIndependentValue()
    {
        Assert.Equal("fc75c5f4eafef8505c1b57a15c7fbc42", DigestHash.ComputeHa1(DigestAlgorithm.Md5, "alice", "atlanta.example.com", "s3cr3t"));
    }

    [Fact]
    public void LongInputsSpillPastTheStackBuffer()
    {
        var longUri = "sip:" + new string('a', 2000) + "@example.com";
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "u", "r", "p");
        var first = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, "n", "c", 1, DigestQop.Auth, "INVITE", longUri);
        var second = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, "n", "c", 1, DigestQop.Auth, "INVITE", longUri + "x");
        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void QopWithoutCnonceIsRejected()
    {
        Assert.Throws<ArgumentNullException>(() =>
            DigestHash.ComputeResponse(DigestAlgorithm.Md5, new string('0', 32), "n", null, 1, DigestQop.Auth, "GET", "/"));
    }
}
