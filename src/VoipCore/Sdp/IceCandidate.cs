using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary>
/// <c>a=candidate:&lt;foundation&gt; &lt;component&gt; &lt;transport&gt; &lt;priority&gt; &lt;address&gt; &lt;port&gt; typ &lt;type&gt; ...</c>
/// (RFC 8839 section 5.1). Split into fields only; the ICE layer decides what they mean.
/// </summary>
/// <param name="Extensions">The name/value pairs after the type, raddr and rport included, in order.</param>
public sealed record IceCandidate(
    string Foundation,
    int Component,
    string Transport,
    long Priority,
    string Address,
    int Port,
    string CandidateType,
    IReadOnlyList<KeyValuePair<string, string>> Extensions)
{
    public const string AttributeName = "candidate";

    /// <summary>The related address (raddr) of a reflexive or relayed candidate, if given.</summary>
    public string? RelatedAddress => Extension("raddr");

    /// <summary>The related port (rport) of a reflexive or relayed candidate, if given and numeric.</summary>
    public int? RelatedPort => SdpText.TryPort(Extension("rport"), out var port) ? port : null;

    private string? Extension(string name)
    {
        foreach (var pair in Extensions)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }
        return null;
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out IceCandidate? candidate)
    {
        candidate = null;
        var tokens = value is null ? [] : SdpText.Tokens(value);
        // The fixed part is eight tokens, and extensions come in name/value pairs.
        if (tokens.Length < 8 || tokens.Length % 2 != 0 || tokens[6] != "typ"
            || !SdpText.TryInt(tokens[1], out var component)
            || !SdpText.TryLong(tokens[3], out var priority)
            || !SdpText.TryPort(tokens[5], out var port))
        {
            return false;
        }
        var extensions = new List<KeyValuePair<string, string>>();
        for (var i = 8; i < tokens.Length; i += 2)
        {
            extensions.Add(new(tokens[i], tokens[i + 1]));
        }
        candidate = new IceCandidate(tokens[0], component, tokens[2], priority, tokens[4], port, tokens[7], extensions);
        return true;
    }

    public override string ToString()
    {
        var text = $"{Foundation} {Component} {Transport} {Priority} {Address} {Port} typ {CandidateType}";
        foreach (var pair in Extensions)
        {
            text += $" {pair.Key} {pair.Value}";
        }
        return text;
    }
}
