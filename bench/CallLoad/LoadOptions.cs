using System.Globalization;

namespace VoipCore.Bench.CallLoad;

/// <summary>The command line: which call counts to reach, how fast to dial, how long to settle and measure, where the markdown goes.</summary>
internal sealed record LoadOptions(IReadOnlyList<int> Levels, int CallsPerSecond, int SettleSeconds, int WindowSeconds, string? OutputPath)
{
    public const string Usage =
        "usage: CallLoad [--calls 100,200,300,400,500] [--rate 50] [--settle 3] [--window 10] [--out FILE.md]";

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions([100, 200, 300, 400, 500], 50, 3, 10, null);
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            options = args[i] switch
            {
                "--calls" => options with { Levels = ParseLevels(value) },
                "--rate" => options with { CallsPerSecond = Positive(value) },
                "--settle" => options with { SettleSeconds = Positive(value) },
                "--window" => options with { WindowSeconds = Positive(value) },
                "--out" => options with { OutputPath = value },
                _ => throw new ArgumentException($"unknown option {args[i]}\n{Usage}"),
            };
            i++;
        }
        return options;
    }

    /// <summary>The levels are reached by adding calls to those already up, so they must rise.</summary>
    private static int[] ParseLevels(string list)
    {
        var levels = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Positive).ToArray();
        if (levels.Length == 0 || levels.Zip(levels.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new ArgumentException($"--calls needs rising counts, e.g. 100,200,300: got {list}");
        }
        return levels;
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException($"not a positive whole number: {text}");
}
