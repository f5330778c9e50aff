using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

/// <summary>
/// The outcome of parsing every RFC 4475 vector, pinned as one table (status 0 = accepted), so speed work on the
/// parser and validator cannot change what is accepted or why something is rejected.
/// </summary>
public class Rfc4475OutcomeTests
{
    [Theory]
        [InlineData("badaspec", 400, "Bad To")]
        [InlineData("badbranch", 0, "")]
        [InlineData("baddate", 0, "")]
        [InlineData("baddn", 400, "Bad From")]
        [InlineData("badinv01", 400, "Bad Via")]
        [InlineData("badvers", 505, "Version Not Supported")]
        [InlineData("bcast", 0, "")]
        [InlineData("bext01", 0, "")]
        [InlineData("bigcode", 400, "Bad status code")]
        [InlineData("clerr", 400, "Content-Length larger than message")]
        [InlineData("cparam01", 0, "")]
        [InlineData("cparam02", 0, "")]
        [InlineData("dblreq", 0, "")]
        [InlineData("esc01", 0, "")]
        [InlineData("esc02", 0, "")]
        [InlineData("escnull", 0, "")]
        [InlineData("escruri", 400, "Bad Request-URI")]
        [InlineData("insuf", 400, "Missing To")]
        [InlineData("intmeth", 0, "")]
        [InlineData("inv2543", 0, "")]
        [InlineData("invut", 0, "")]
        [InlineData("longreq", 0, "")]
        [InlineData("ltgtruri", 400, "Bad Request-URI")]
        [InlineData("lwsdisp", 0, "")]
        [InlineData("lwsruri", 400, "Malformed Request-Line")]
        [InlineData("lwsstart", 400, "Malformed Request-Line")]
        [InlineData("mcl01", 400, "Multiple Content-Length")]
        [InlineData("mismatch01", 400, "CSeq method mismatch")]
        [InlineData("mismatch02", 400, "CSeq method mismatch")]
        [InlineData("mpart01", 0, "")]
        [InlineData("multi01", 400, "Multiple From")]
        [InlineData("ncl", 400, "Bad Content-Length")]
        [InlineData("noreason", 0, "")]
        [InlineData("novelsc", 0, "")]
        [InlineData("quotbal", 400, "Bad To")]
        [InlineData("regaut01", 0, "")]
        [InlineData("regbadct", 400, "Bad Contact")]
        [InlineData("regescrt", 0, "")]
        [InlineData("scalar02", 400, "Bad CSeq")]
        [InlineData("scalarlg", 400, "Bad CSeq")]
        [InlineData("sdp01", 0, "")]
        [InlineData("semiuri", 0, "")]
        [InlineData("transports", 0, "")]
        [InlineData("trws", 400, "Malformed Request-Line")]
        [InlineData("unkscm", 0, "")]
        [InlineData("unksm2", 0, "")]
        [InlineData("unreason", 0, "")]
        [InlineData("wsinv", 0, "")]
        [InlineData("zeromf", 0, "")]
    public void ParseOutcomeIsPinned(string vector, int status, string reason)
    {
        bool ok = SipMessage.TryParse(TortureVectors.Load(vector), out _, out SipParseError error);
        Assert.Equal(status == 0, ok);
        Assert.Equal(status, error.StatusCode);
        if (!ok) Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void TheTableCoversEveryVector() =>
        Assert.Equal(49, TortureVectors.All().Count());
}
