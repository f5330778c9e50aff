using VoipCore.Media.Audio;

namespace VoipCore.Tests.Media.Audio;

public class AudioMixerTests
{
    [Fact]
    public void Mix_adds_and_saturates_at_both_limits()
    {
        short[] into = [100, 30000, -30000, -5, 0];
        AudioMixer.Mix([23, 5000, -5000, 5, short.MinValue], into);

        Assert.Equal(new short[] { 123, short.MaxValue, short.MinValue, 0, short.MinValue }, into);
        Assert.Throws<VoipException>(() => AudioMixer.Mix([1, 2], new short[3]));
    }

    [Fact]
    public void Attenuate_scales_by_the_decibels_given()
    {
        short[] samples = [20000, -20000, 1, short.MinValue];
        AudioMixer.Attenuate(samples, 6.0206);
        Assert.Equal(new short[] { 10000, -10000, 1, -16384 }, samples);

        short[] untouched = [12345, -32768, 32767];
        AudioMixer.Attenuate(untouched, 0);
        Assert.Equal(new short[] { 12345, -32768, 32767 }, untouched);

        Assert.Throws<VoipException>(() => AudioMixer.Attenuate(untouched, -1));
    }

    [Fact]
    public void Levels_use_a_full_scale_sine_as_zero_dBFS()
    {
        short[] fullScale = Signals.Sine(1000, 8000, 8000, short.MaxValue);
        short[] quieter = Signals.Sine(1000, 8000, 8000, short.MaxValue / 10.0);

        Assert.InRange(AudioMixer.LevelDbfs(fullScale), -0.01, 0.01);
        Assert.InRange(AudioMixer.LevelDbfs(quieter), -20.01, -19.99);
        Assert.Equal(double.NegativeInfinity, AudioMixer.LevelDbfs(new short[160]));
        Assert.Equal(2L * 3 * 3 + 4 * 4, AudioMixer.Energy([3, -3, 4]));
        Assert.Equal(5, AudioMixer.Rms([5, -5, 5, -5]));
    }

    [Fact]
    public void Silence_zeroes_the_frame()
    {
        short[] frame = [1, 2, 3];
        AudioMixer.Silence(frame);
        Assert.Equal(new short[3], frame);
    }
}
