using VoipCore.Media;
using VoipCore.Media.Audio;
using VoipCore.Sessions;
using VoipCore.Tests.Media.Audio;
using VoipCore.Tests.Media.Codecs;
using VoipCore.Tests.Support;

namespace VoipCore.Tests.Sessions;

[Collection(MediaTimingCollection.Name)]
public class CallAudioTests
{
    private const int Rate = 16000;

    /// <summary>
    /// G.711 and G.722 keep the waveform (0.98-1.00 measured per 250 ms window); Opus codes perceptually and does
    /// not keep phase exactly, yet measured 0.98 per window on this signal (0.75-0.97 on espeak-ng speech in the
    /// demo). Audio that did not arrive, or arrived shifted or garbled, scores below 0.3.
    /// </summary>
    [Theory]
    [InlineData("pcmu", 0.9)]
    [InlineData("pcma", 0.9)]
    [InlineData("g722", 0.9)]
    [InlineData("opus", 0.8)]
    public void What_one_side_plays_the_other_records_delay_aligned(string codec, double threshold)
    {
        string dir = Directory.CreateTempSubdirectory("vc-audio-").FullName;
        string source = Path.Combine(dir, "sent.wav");
        string heard = Path.Combine(dir, "heard.wav");
        var sent = TestSignals.SpeechLike(Rate, 2, seed: 7);
        using (var writer = new WavWriter(source, Rate))
        {
            writer.Write(sent);
        }
        using var pair = new CallPair();
        var (outgoing, incoming) = pair.Connect([codec]);
        ((CallMedia)outgoing.Media!).Record(heard, RecordingMode.Received, Rate);
        ((CallMedia)incoming.Media!).Play(source, loop: false);
        pair.BobEvents.WaitFor(e => e.Type == global::VoipCore.Events.EventType.CallMediaEnded && e.Handle == incoming.Handle, "player end", 8000);
        Thread.Sleep(400);
        var stats = outgoing.Statistics;
        outgoing.Hangup();
        pair.AliceEvents.WaitForState(outgoing.Handle, CallState.Terminated);

        using var reader = new WavReader(heard);
        var received = new short[reader.FrameCount];
        reader.Read(received);
        var (scores, delay) = AudioCorrelation.Windowed(sent, received, Rate, window: Rate / 4, slack: Rate / 10);
        // A frame the jitter buffer legitimately drops or conceals spoils the window it falls in: most windows must pass.
        string summary = $"{codec}: 250 ms windows correlate {string.Join(", ", scores.Select(v => v.ToString("F2")))} (delay {delay * 1000 / Rate} ms)";
        Assert.True(scores.Length >= 7, summary);
        Assert.True(scores[scores.Length / 2] > threshold && scores.Count(v => v > threshold) * 5 >= scores.Length * 4, summary);
        Assert.Equal(codec, stats.Codec, ignoreCase: true);
        Assert.True(stats.PacketsReceived >= 100, $"{stats.PacketsReceived} packets received");
        Assert.Equal(0, stats.PacketsLost);
        Assert.InRange(stats.Mos, 4.0, 4.5);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_ringback_tone_played_on_one_side_arrives_as_its_two_frequencies()
    {
        using var pair = new CallPair();
        var (outgoing, incoming) = pair.Connect(["pcmu"]);
        var listening = (CallMedia)outgoing.Media!;
        listening.AttachPcm(8000);
        ((CallMedia)incoming.Media!).PlayTone("ringback", loop: true);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => ((CallMedia)incoming.Media!).PlayTone("chirp", true)).Code);
        Thread.Sleep(300);
        var heard = new List<short>();
        var chunk = new short[160];
        for (int i = 0; i < 50; i++)
        {
            Thread.Sleep(20);
            int got = listening.PullPcm(chunk);
            heard.AddRange(chunk.AsSpan(0, got).ToArray());
        }
        outgoing.Hangup();
        var samples = heard.ToArray();
        double at440 = Signals.GoertzelPower(samples, 440, 8000), at480 = Signals.GoertzelPower(samples, 480, 8000);
        double at1000 = Signals.GoertzelPower(samples, 1000, 8000);
        Assert.True(at440 > 50 * at1000 && at480 > 50 * at1000, $"440 Hz {at440:E2}, 480 Hz {at480:E2}, 1 kHz {at1000:E2}");
    }
}
