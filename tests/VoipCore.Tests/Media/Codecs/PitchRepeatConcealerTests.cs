using VoipCore.Media.Codecs;

namespace VoipCore.Tests.Media.Codecs;

public class PitchRepeatConcealerTests
{
    [Fact]
    public void Nothing_decoded_yet_conceals_as_silence()
    {
        var concealer = new PitchRepeatConcealer(8000);
        var pcm = new short[160];
        pcm.AsSpan().Fill(99);

        Assert.Equal(160, concealer.Conceal(pcm));

        Assert.All(pcm, sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void A_voiced_frame_is_continued_in_phase()
    {
        // 200 Hz at 8 kHz: a 40-sample period the pitch search should find, so the concealed frame lines up
        // with what the lost frame really held, only fading.
        var tone = TestSignals.Sine(8000, 200, 8000, 0.04);
        var concealer = new PitchRepeatConcealer(8000);
        concealer.Remember(tone.AsSpan(0, 160));
        var concealed = new short[160];

        concealer.Conceal(concealed);

        Assert.True(SignalMetrics.Correlation(tone.AsSpan(160, 160), concealed, 0) > 0.99);
        Assert.InRange(Math.Abs((int)concealed[0] - tone[160]), 0, 200);
    }

    [Fact]
    public void Concealment_fades_to_silence_over_three_frames_and_restarts_after_a_good_frame()
    {
        var speech = TestSignals.SpeechLike(16000, 0.2, seed: 5);
        var concealer = new PitchRepeatConcealer(16000);
        concealer.Remember(speech.AsSpan(1000, 320));
        var energies = new double[4];
        var pcm = new short[320];
        for (var frame = 0; frame < energies.Length; frame++)
        {
            concealer.Conceal(pcm);
            energies[frame] = Energy(pcm);
        }

        Assert.True(energies[0] > energies[1] && energies[1] > energies[2] && energies[2] > 0,
            string.Join(", ", energies));
        Assert.Equal(0, energies[3]);

        concealer.Remember(speech.AsSpan(1320, 320));
        concealer.Conceal(pcm);
        Assert.True(Energy(pcm) > 0);
    }

    [Theory]
    [InlineData("PCMU", 8000)]
    [InlineData("PCMA", 8000)]
    [InlineData("G722", 8000)]
    public void Codecs_without_their_own_concealment_repeat_the_last_frame(string name, int clockRate)
    {
        using var encoder = AudioCodecs.CreateEncoder(name, clockRate);
        using var decoder = AudioCodecs.CreateDecoder(name, clockRate);
        var samples = encoder.Info.SamplesPerFrame();
        var tone = TestSignals.Sine(encoder.Info.PcmRate, 250, 8000, 0.2);
        var payload = new byte[samples];
        var pcm = new short[samples];
        for (var start = 0; start + samples <= tone.Length; start += samples)
        {
            decoder.Decode(payload.AsSpan(0, encoder.Encode(tone.AsSpan(start, samples), payload)), pcm);
        }

        Assert.Equal(samples, decoder.Conceal(pcm, []));

        Assert.True(Energy(pcm) > 0);
    }

    private static double Energy(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var sample in pcm)
        {
            sum += (double)sample * sample;
        }
        return sum;
    }
}
