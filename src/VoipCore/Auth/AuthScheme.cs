namespace VoipCore.Auth;

/// <summary>
/// One challenge or credentials item from an authentication header value: the scheme name and its
/// auth-params. Parameter names are unique, compared case-insensitively.
/// </summary>
internal sealed class AuthScheme(string name)
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public string Name { get; } = name;

    public bool IsDigest => Name.Equals("Digest", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds a parameter; false when the name is already present (RFC 7235 allows each once).</summary>
    public bool TryAdd(string parameterName, string value)
    {
        if (Get(parameterName) is not null)
        {
            return false;
        }
        _parameters.Add(new(parameterName, value));
        return true;
    }

    public string? Get(string parameterName)
    {
        foreach (var (key, value) in _parameters)
        {
            if (key.Equals(parameterName, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }
}
