using VoipCore.Sip;
using static VoipCore.Tests.Sip.TortureVectors;

namespace VoipCore.Tests.Sip;

/// <summary>
/// TryParseForTransaction validates a prefix of the full validation order: whatever it rejects, TryParse rejects
/// with the same error, and Validate after it gives exactly TryParse's outcome.
/// </summary>
public class SipParserLayerTests
{
    public static TheoryData<string> Vectors() => new(All());

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TransactionLayerAgreesWithFullParse(string vector)
    {
        byte[] data = Load(vector);
        bool full = SipParser.TryParse(data, new SipMessage(), out SipParseError fullError);
        var message = new SipMessage();
        bool fast = SipParser.TryParseForTransaction(data, message, out SipParseError fastError);

        if (!fast)
        {
            Assert.False(full);
            Assert.Equal(fullError, fastError);
        }
        else
            Assert.Equal(fullError, SipMessageValidator.Validate(message));
    }

    [Fact]
    public void ABadContactIsLeftToTheSecondLayer()
    {
        // 3.1.2.13: the Contact is not needed to match a transaction.
        var message = new SipMessage();
        Assert.True(SipParser.TryParseForTransaction(Load("regbadct"), message, out _));
        Assert.Equal("Bad Contact", SipMessageValidator.Validate(message).Reason);
    }
}
