using VoipCore.Sip;
using static VoipCore.Tests.Sip.TortureVectors;

namespace VoipCore.Tests.Sip;

/// <summary>RFC 4475 section 3.1.2: invalid messages that must be rejected without breaking the parser.</summary>
public class Rfc4475InvalidMessageTests
{
    [Theory]
    [InlineData("badinv01", "Bad Via")]                          // 3.1.2.1 extraneous header field separators
    [InlineData("clerr", "Content-Length larger than message")] // 3.1.2.2
    [InlineData("ncl", "Bad Content-Length")]                   // 3.1.2.3 negative Content-Length
    [InlineData("scalar02", "Bad CSeq")]                        // 3.1.2.4 overlarge request scalars
    [InlineData("scalarlg", "Bad CSeq")]                        // 3.1.2.5 overlarge response scalars
    [InlineData("quotbal", "Bad To")]                           // 3.1.2.6 unterminated quoted string
    [InlineData("ltgtruri", "Bad Request-URI")]                 // 3.1.2.7 <> around the Request-URI
    [InlineData("lwsruri", "Malformed Request-Line")]           // 3.1.2.8 LWS inside the Request-URI
    [InlineData("lwsstart", "Malformed Request-Line")]          // 3.1.2.9 several SP between elements
    [InlineData("trws", "Malformed Request-Line")]              // 3.1.2.10 SP after the version
    [InlineData("escruri", "Bad Request-URI")]                  // 3.1.2.11 escaped headers in the Request-URI
    [InlineData("regbadct", "Bad Contact")]                     // 3.1.2.13 addr-spec with '?' not in <>
    [InlineData("badaspec", "Bad To")]                          // 3.1.2.14 spaces inside <addr-spec>
    [InlineData("baddn", "Bad From")]                           // 3.1.2.15 non-token characters in display name
    [InlineData("mismatch01", "CSeq method mismatch")]          // 3.1.2.17
    [InlineData("mismatch02", "CSeq method mismatch")]          // 3.1.2.18 unknown method
    [InlineData("bigcode", "Bad status code")]                  // 3.1.2.19 overlarge response code
    [InlineData("insuf", "Missing To")]                         // 3.3.1 missing required headers
    [InlineData("multi01", "Multiple From")]                    // 3.3.8 several values in single-value fields
    [InlineData("mcl01", "Multiple Content-Length")]            // 3.3.9
    public void IsRejectedWith400AndReason(string vector, string reason)
    {
        SipParseError error = ParseInvalid(vector, out _);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Badvers_UnknownVersionIs505()
    {
        // 3.1.2.16
        SipParseError error = ParseInvalid("badvers", out SipMessage m);
        Assert.Equal(505, error.StatusCode);
        Assert.True(SipResponses.CanRespond(m));
    }

    [Fact]
    public void Baddate_IsToleratedBecauseDateIsNotUsed()
    {
        // 3.1.2.12 allows rejecting or ignoring a non-GMT Date; the parser ignores it and leaves it raw.
        SipMessage m = ParseValid("baddate");
        Assert.True(m.TryGetFirst(HeaderId.Date, out ReadOnlyMemory<byte> date));
        Assert.EndsWith("EST", Text(date));
    }

    [Theory]
    [InlineData("badinv01")]
    [InlineData("quotbal")]
    [InlineData("lwsstart")]
    [InlineData("mismatch01")]
    [InlineData("scalar02")]
    [InlineData("escruri")]
    public void RejectedRequests_StillYieldA400(string vector)
    {
        SipParseError error = ParseInvalid(vector, out SipMessage m);
        Assert.True(SipResponses.CanRespond(m));
        byte[] response = SipResponses.Create(m, error.StatusCode, error.Reason, toTag: "srv1").ToArray();
        // The response copies the request's (possibly broken) headers verbatim, so only its framing is checked.
        SipMessage.TryParse(response, out SipMessage parsed, out _);
        Assert.Equal(400, parsed.StatusCode);
        Assert.Equal(error.Reason, parsed.GetReasonPhrase());
        Assert.Equal(Text(m.CallId), Text(parsed.CallId));
    }

    [Fact]
    public void EveryVector_ParsesWithoutThrowing()
    {
        foreach (string name in All())
        {
            SipMessage.TryParse(Load(name), out SipMessage m, out _);
            // Touch every accessor a transport might use on a broken message.
            _ = m.TryGetTopVia(out _);
            _ = m.TryGetCSeq(out _);
            _ = m.FromTag;
            _ = m.ToTag;
            _ = m.MaxForwards;
        }
    }
}
