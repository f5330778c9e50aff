using System.Text;

namespace VoipCore.Auth;

/// <summary>Builds "Scheme name=value, name="value"" header values, escaping quoted strings.</summary>
internal sealed class AuthParamWriter(string scheme)
{
    private readonly StringBuilder _builder = new StringBuilder(256).Append(scheme);
    private bool _hasParameter;

    public AuthParamWriter Quoted(string name, string value)
    {
        StartParameter(name).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                _builder.Append('\\');
            }
            _builder.Append(c);
        }
        _builder.Append('"');
        return this;
    }

    public AuthParamWriter QuotedIfPresent(string name, string? value) => value is null ? this : Quoted(name, value);

    /// <summary>An unquoted value; callers pass only token characters (algorithm, qop, nc, stale).</summary>
    public AuthParamWriter Token(string name, string value)
    {
        StartParameter(name).Append(value);
        return this;
    }

    public override string ToString() => _builder.ToString();

    private StringBuilder StartParameter(string name)
    {
        _builder.Append(_hasParameter ? ", " : " ");
        _hasParameter = true;
        return _builder.Append(name).Append('=');
    }
}
