using VoipCore.Media.Codecs;

namespace VoipCore.Tests.Media.Codecs;

public class TelephoneEventTests
{
    [Fact]
    public void Writes_the_RFC_4733_layout()
    {
        var payload = new byte[6];

        var written = new TelephoneEvent(Event: 5, End: true, Volume: 10, Duration: 800).Write(payload);

        Assert.Equal(4, written);
        // event 5 | E=1 R=0 volume 10 | duration 800 = 0x0320 big-endian
        Assert.Equal(new byte[] { 0x05, 0x8A, 0x03, 0x20, 0, 0 }, payload);
    }

    [Fact]
    public void Reads_the_RFC_4733_layout_ignoring_the_reserved_bit()
    {
        Assert.True(TelephoneEvent.TryRead([0x0B, 0x7F, 0xFF, 0xFE], out var telephoneEvent));

        Assert.Equal(new TelephoneEvent(11, false, 63, 0xFFFE), telephoneEvent);
    }

    [Fact]
    public void Reads_an_end_packet()
    {
        Assert.True(TelephoneEvent.TryRead([0x00, 0x80, 0x00, 0xA0], out var telephoneEvent));

        Assert.Equal(new TelephoneEvent(0, true, 0, 160), telephoneEvent);
    }

    [Fact]
    public void Round_trips()
    {
        var original = new TelephoneEvent(15, true, 63, 12345);
        Span<byte> payload = stackalloc byte[TelephoneEvent.Size];
        original.Write(payload);

        Assert.True(TelephoneEvent.TryRead(payload, out var read));
        Assert.Equal(original, read);
    }

    [Fact]
    public void Short_payloads_are_refused()
    {
        Assert.False(TelephoneEvent.TryRead([0x01, 0x0A, 0x00], out var telephoneEvent));
        Assert.Equal(default, telephoneEvent);
    }

    [Fact]
    public void Writing_a_volume_over_63_or_into_a_short_buffer_throws()
    {
        Assert.Equal(ErrorCode.InvalidArgument,
            Assert.Throws<VoipException>(() => new TelephoneEvent(1, false, 64, 0).Write(new byte[4])).Code);
        Assert.Equal(ErrorCode.InvalidArgument,
            Assert.Throws<VoipException>(() => new TelephoneEvent(1, false, 10, 0).Write(new byte[3])).Code);
    }
}
