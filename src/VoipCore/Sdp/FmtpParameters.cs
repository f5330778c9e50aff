namespace VoipCore.Sdp;

/// <summary>One entry of a <c>key=value;...</c> list; a bare entry such as telephone-event's <c>0-16</c> has no name.</summary>
public sealed record FmtpParameter(string? Name, string Value)
{
    public override string ToString() => Name is null ? Value : $"{Name}={Value}";
}

/// <summary>
/// The <c>key=value;key=value</c> form most codecs use for fmtp (Opus: useinbandfec, maxplaybackrate,
/// stereo; telephone-event: bare event ranges such as <c>0-16</c>). Names compare case-insensitively.
/// </summary>
public sealed class FmtpParameters
{
    /// <summary>An empty list.</summary>
    public static readonly FmtpParameters Empty = new([]);

    private FmtpParameters(IReadOnlyList<FmtpParameter> entries) => Entries = entries;

    /// <summary>The entries in written order.</summary>
    public IReadOnlyList<FmtpParameter> Entries { get; }

    /// <summary>Splits on ';' and the first '=' of each entry; blank entries are dropped, nothing fails.</summary>
    public static FmtpParameters Parse(string? parameters)
    {
        if (string.IsNullOrWhiteSpace(parameters))
        {
            return Empty;
        }
        var entries = new List<FmtpParameter>();
        foreach (var part in parameters.Split(';'))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
            {
                continue;
            }
            var equals = entry.IndexOf('=');
            entries.Add(equals < 0
                ? new FmtpParameter(null, entry)
                : new FmtpParameter(entry[..equals].Trim(), entry[(equals + 1)..].Trim()));
        }
        return new FmtpParameters(entries);
    }

    /// <summary>The value of a named parameter, or null when absent.</summary>
    public string? Get(string name)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }
        return null;
    }

    /// <summary>The value of a named parameter as a non-negative integer, or null when absent or not a number.</summary>
    public int? GetInt(string name) => SdpText.TryInt(Get(name), out var value) ? value : null;

    /// <summary>The entries without a name, e.g. the event ranges of telephone-event.</summary>
    public IEnumerable<string> UnnamedValues
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Name is null)
                {
                    yield return entry.Value;
                }
            }
        }
    }

    /// <summary>The list written back as <c>a=b;c=d</c>.</summary>
    public override string ToString() => string.Join(';', Entries);
}
