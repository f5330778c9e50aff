using System.Text;
using VoipCore.Sdp;

namespace VoipCore.Tests.Sdp;

/// <summary>
/// Garbage in, and the only thing allowed out is <see cref="SdpParseException"/>. Whatever does parse must
/// survive a serialize/parse round trip unchanged and every offer/answer entry point. Fixed seeds keep
/// failures reproducible.
/// </summary>
public class SdpFuzzTests
{
    private const int Iterations = 3000;
    private const string Alphabet = "vosiuepcbtrzkamyxX=:/ \t\r\n0123456789-.*RTP/AVPINIP4IP6audiovideortpmapfmtp";

    private static readonly string[] Seeds =
    [
        SdpSamples.Baresip,
        SdpSamples.ChromeWebRtc,
        SdpSamples.Linphone,
        SdpSamples.SippDefault,
        SdpSamples.AllFields,
    ];

    [Fact]
    public void Random_bytes_only_ever_fail_with_the_parse_error()
    {
        var random = new Random(4566);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 4)
            {
                // Half the time start well, so the parser gets past the first line.
                "v=0\n"u8.CopyTo(bytes);
            }
            Exercise(Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public void Random_sdp_like_text_only_ever_fails_with_the_parse_error()
    {
        var random = new Random(3264);
        for (var i = 0; i < Iterations; i++)
        {
            var text = new StringBuilder("v=0\no=- 1 1 IN IP4 h\n");
            var length = random.Next(0, 300);
            for (var j = 0; j < length; j++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
            Exercise(text.ToString());
        }
    }

    [Fact]
    public void Mutated_real_world_offers_only_ever_fail_with_the_parse_error()
    {
        var random = new Random(3551);
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Length)], random);
            parsed += Exercise(text) ? 1 : 0;
        }
        // The mutations must leave enough valid input to reach offer/answer, or the test proves little.
        Assert.InRange(parsed, Iterations / 10, Iterations);
    }

    [Fact]
    public void Every_truncation_of_a_real_offer_is_handled()
    {
        var text = SdpSamples.Crlf(SdpSamples.ChromeWebRtc);
        for (var length = 0; length <= text.Length; length++)
        {
            Exercise(text[..length]);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && chars.Length > 0; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(6))
            {
                case 0:
                    chars.Remove(at, Math.Min(random.Next(1, 20), chars.Length - at));
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    chars.Length = at;
                    break;
                case 4:
                    chars.Insert(at, random.Next(2) == 0 ? "99999999999999999999" : "\n");
                    break;
                default:
                    var lines = chars.ToString().Split('\n');
                    (lines[random.Next(lines.Length)], lines[random.Next(lines.Length)]) =
                        (lines[random.Next(lines.Length)], lines[random.Next(lines.Length)]);
                    chars.Clear().Append(string.Join('\n', lines));
                    break;
            }
        }
        return chars.ToString();
    }

    /// <summary>Runs everything on one input; returns whether it parsed.</summary>
    private static bool Exercise(string text)
    {
        SessionDescription description;
        try
        {
            description = SdpParser.Parse(text);
        }
        catch (SdpParseException exception)
        {
            Assert.False(SdpParser.TryParse(text, out _, out var error));
            Assert.Equal(error, exception.Error);
            return false;
        }

        var serialized = SdpSerializer.Serialize(description);
        Assert.Equal(serialized, SdpSerializer.Serialize(SdpParser.Parse(serialized)));
        ReadEveryView(description);

        var local = new LocalMediaEndpoint("192.0.2.1", 40000);
        var anyProfile = MediaCapabilities.Default with { Protocols = ["RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF"] };
        var answer = OfferAnswer.CreateAnswer(description, anyProfile, local);
        Assert.Equal(description.Media.Count, answer.Answer.Media.Count);
        Assert.Equal(answer.Negotiation.IsAccepted, answer.Negotiation.Audio is not null);
        OfferAnswer.ProcessAnswer(OfferAnswer.CreateOffer(MediaCapabilities.Default, local), description);
        OfferAnswer.ProcessAnswer(description, description);
        OfferAnswer.CreateReOffer(description, MediaDirection.SendOnly);
        return true;
    }

    private static void ReadEveryView(SessionDescription description)
    {
        _ = description.Groups.Count();
        _ = description.Attributes.Fingerprints.Count();
        _ = (description.Attributes.Setup, description.Attributes.IceUfrag, description.Attributes.IcePwd);
        foreach (var media in description.Media)
        {
            _ = (description.DirectionOf(media), description.ConnectionOf(media), media.Ptime, media.MaxPtime, media.Rtcp, media.Mid);
            _ = media.Candidates.Count() + media.Cryptos.Count() + media.Ssrcs.Count();
            foreach (var payloadType in media.PayloadTypes)
            {
                _ = (media.GetRtpMap(payloadType), media.GetFmtp(payloadType)?.ParameterList.Entries.Count);
            }
        }
    }
}
