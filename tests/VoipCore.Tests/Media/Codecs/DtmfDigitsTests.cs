using VoipCore.Media.Codecs;

namespace VoipCore.Tests.Media.Codecs;

public class DtmfDigitsTests
{
    [Theory]
    [InlineData('0', 0)]
    [InlineData('5', 5)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('B', 13)]
    [InlineData('C', 14)]
    [InlineData('D', 15)]
    public void Digits_and_event_codes_map_both_ways(char digit, byte eventCode)
    {
        Assert.True(DtmfDigits.TryGetEvent(digit, out var code));
        Assert.Equal(eventCode, code);
        Assert.True(DtmfDigits.TryGetDigit(eventCode, out var key));
        Assert.Equal(digit, key);
    }

    [Fact]
    public void Lower_case_letters_are_accepted()
    {
        Assert.True(DtmfDigits.TryGetEvent('d', out var code));
        Assert.Equal(15, code);
    }

    [Theory]
    [InlineData('E')]
    [InlineData('x')]
    [InlineData(' ')]
    [InlineData('+')]
    public void Other_characters_are_not_digits(char digit) => Assert.False(DtmfDigits.TryGetEvent(digit, out _));

    [Theory]
    [InlineData(16)]
    [InlineData(32)] // a flash-hook event, not a key
    [InlineData(255)]
    public void Other_event_codes_are_not_digits(byte eventCode) => Assert.False(DtmfDigits.TryGetDigit(eventCode, out _));
}
