using VoipCore.Media.Codecs;
using Xunit.Abstractions;

namespace VoipCore.Tests.Media.Codecs;

/// <summary>Our G.722 against spandsp's, an independent implementation of the same ITU-T text.</summary>
public class G722SpandspTests(ITestOutputHelper output)
{
    private const int Rate = 16000;
    private const int Frame = 320;

    /// <summary>About 4.5 s of tones, a sweep across the band, noise, near-full-scale audio and speech-like sound.</summary>
    private static short[] VariedSignal() => TestSignals.Concat(
        TestSignals.Sine(Rate, 1000, 10000, 0.5),
        TestSignals.Sine(Rate, 300, 2000, 0.25),
        TestSignals.Sine(Rate, 6500, 12000, 0.25),
        TestSignals.Chirp(Rate, 50, 7900, 16000, 1.0),
        TestSignals.Noise(Rate, 20000, 0.5, seed: 7),
        TestSignals.Sine(Rate, 440, 32000, 0.25),
        TestSignals.Noise(Rate, 32767, 0.25, seed: 8),
        TestSignals.Noise(Rate, 40, 0.25, seed: 9),
        TestSignals.SpeechLike(Rate, 1.5, seed: 10));

    [Fact]
    public void Encoded_octets_are_bit_exact_with_spandsp()
    {
        var signal = VariedSignal();
        using var reference = SpandspG722.Create();
        using var encoder = new G722Encoder();
        var ours = new byte[Frame / 2];
        var theirs = new byte[Frame / 2];
        int differing = 0, total = 0, firstDifference = -1;
        for (var start = 0; start + Frame <= signal.Length; start += Frame)
        {
            var pcm = signal.AsSpan(start, Frame);
            Assert.Equal(Frame / 2, encoder.Encode(pcm, ours));
            Assert.Equal(Frame / 2, reference.Encode(pcm, theirs));
            for (var i = 0; i < ours.Length; i++, total++)
            {
                if (ours[i] != theirs[i])
                {
                    differing++;
                    if (firstDifference < 0)
                    {
                        firstDifference = total;
                    }
                }
            }
        }
        output.WriteLine($"G.722 encode vs spandsp: {differing} of {total} octets differ (first at {firstDifference})");
        Assert.Equal(0, differing);
    }

    [Fact]
    public void Decoded_samples_match_spandsp()
    {
        var signal = VariedSignal();
        using var reference = SpandspG722.Create();
        using var encoder = new G722Encoder();
        using var decoder = new G722Decoder();
        var payload = new byte[Frame / 2];
        var ours = new short[Frame];
        var theirs = new short[Frame];
        int maxDifference = 0, differing = 0, wrapped = 0, total = 0;
        for (var start = 0; start + Frame <= signal.Length; start += Frame)
        {
            encoder.Encode(signal.AsSpan(start, Frame), payload);
            Assert.Equal(Frame, decoder.Decode(payload, ours));
            Assert.Equal(Frame, reference.Decode(payload, theirs));
            for (var i = 0; i < Frame; i++, total++)
            {
                if (IsWrapOfSaturated(ours[i], theirs[i]))
                {
                    wrapped++;
                    continue;
                }
                var difference = Math.Abs(ours[i] - theirs[i]);
                maxDifference = Math.Max(maxDifference, difference);
                differing += difference == 0 ? 0 : 1;
            }
        }
        output.WriteLine($"G.722 decode vs spandsp: {differing} of {total} samples differ, max |difference| {maxDifference}; " +
            $"{wrapped} overloaded samples where spandsp wraps around and we saturate");
        Assert.True(maxDifference <= 1, $"max |difference| {maxDifference}");
        // The near-full-scale parts of the signal are there to overload the receive QMF.
        Assert.InRange(wrapped, 1, total / 1000);
    }

    /// <summary>
    /// spandsp casts the receive QMF output to int16 without limiting it, so an overloaded sample wraps to the
    /// other sign where the standard's limited arithmetic (and ours) clips to full scale.
    /// </summary>
    private static bool IsWrapOfSaturated(short ours, short theirs) =>
        (ours == short.MaxValue && theirs < 0) || (ours == short.MinValue && theirs > 0);
}
