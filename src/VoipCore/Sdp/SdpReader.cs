namespace VoipCore.Sdp;

/// <summary>
/// The line-by-line state of <see cref="SdpParser"/>: which level is open and which once-only lines were
/// seen. Every method returns null or the fault in words.
/// </summary>
internal sealed class SdpReader
{
    private static readonly SdpOrigin NoOrigin = new("-", "0", 0, "IN", "IP4", "0.0.0.0");

    private readonly SessionDescription _session = new(NoOrigin);
    private MediaDescription? _media;
    private bool _sawVersion;
    private bool _sawOrigin;
    private bool _sawName;

    public string? Read(char type, string value)
    {
        if (!_sawVersion)
        {
            _sawVersion = true;
            return type != 'v' ? "a description must begin with v=0" : value != "0" ? $"unsupported SDP version \"{value}\"" : null;
        }
        if (type == 'm')
        {
            return StartMedia(value);
        }
        return _media is null ? ReadSessionLine(type, value) : ReadMediaLine(_media, type, value);
    }

    /// <summary>Hands over the description, or returns what whole-description fault stops that.</summary>
    public string? Finish(out SessionDescription? description)
    {
        description = null;
        if (!_sawVersion)
        {
            return "empty description";
        }
        if (!_sawOrigin)
        {
            return "missing o= line";
        }
        description = _session;
        return null;
    }

    private string? ReadSessionLine(char type, string value)
    {
        switch (type)
        {
            case 'v':
                return "duplicate v= line";
            case 'o':
                if (_sawOrigin)
                {
                    return "duplicate o= line";
                }
                _sawOrigin = true;
                return ParseOrigin(value);
            case 's':
                if (_sawName)
                {
                    return "duplicate s= line";
                }
                _sawName = true;
                _session.SessionName = value;
                return null;
            case 'i':
                return SetOnce(_session.Information, value, v => _session.Information = v);
            case 'u':
                return SetOnce(_session.Uri, value, v => _session.Uri = v);
            case 'e':
                _session.Emails.Add(value);
                return null;
            case 'p':
                _session.Phones.Add(value);
                return null;
            case 'c':
                if (_session.Connection is not null)
                {
                    return "duplicate session-level c= line";
                }
                var fault = ParseConnection(value, out var connection);
                _session.Connection = connection;
                return fault;
            case 'b':
                return AddBandwidth(_session.Bandwidths, value);
            case 't':
                return ParseTime(value);
            case 'r':
                if (_session.Times.Count == 0)
                {
                    return "r= must follow a t= line";
                }
                _session.Times[^1].RepeatTimes.Add(value);
                return null;
            case 'z':
                return SetOnce(_session.TimeZones, value, v => _session.TimeZones = v);
            case 'k':
                return SetOnce(_session.EncryptionKey, value, v => _session.EncryptionKey = v);
            case 'a':
                return AddAttribute(_session.Attributes, value);
            default:
                _session.UnknownLines.Add(new SdpLine(type, value));
                return null;
        }
    }

    private static string? ReadMediaLine(MediaDescription media, char type, string value)
    {
        switch (type)
        {
            case 'i':
                return SetOnce(media.Information, value, v => media.Information = v);
            case 'c':
                var fault = ParseConnection(value, out var connection);
                if (connection is not null)
                {
                    media.Connections.Add(connection);
                }
                return fault;
            case 'b':
                return AddBandwidth(media.Bandwidths, value);
            case 'k':
                return SetOnce(media.EncryptionKey, value, v => media.EncryptionKey = v);
            case 'a':
                return AddAttribute(media.Attributes, value);
            case 'v' or 'o' or 's' or 'u' or 'e' or 'p' or 't' or 'r' or 'z':
                return $"{type}= is a session-level line and cannot follow an m= line";
            default:
                media.UnknownLines.Add(new SdpLine(type, value));
                return null;
        }
    }

    private static string? SetOnce(string? current, string value, Action<string> set)
    {
        if (current is not null)
        {
            return "this line may appear only once at its level";
        }
        set(value);
        return null;
    }

    private string? ParseOrigin(string value)
    {
        var tokens = SdpText.Tokens(value);
        if (tokens.Length != 6)
        {
            return "o= needs <username> <sess-id> <sess-version> <nettype> <addrtype> <address>";
        }
        if (!SdpText.TryULong(tokens[2], out var version))
        {
            return $"o= session version \"{tokens[2]}\" is not a number";
        }
        _session.Origin = new SdpOrigin(tokens[0], tokens[1], version, tokens[3], tokens[4], tokens[5]);
        return null;
    }

    private string? ParseTime(string value)
    {
        var tokens = SdpText.Tokens(value);
        if (tokens.Length != 2 || !SdpText.TryULong(tokens[0], out var start) || !SdpText.TryULong(tokens[1], out var stop))
        {
            return "t= needs <start-time> <stop-time> as numbers";
        }
        _session.Times.Add(new TimeDescription(start, stop));
        return null;
    }

    private string? StartMedia(string value)
    {
        if (!_sawOrigin)
        {
            return "m= before the o= line";
        }
        var tokens = SdpText.Tokens(value);
        if (tokens.Length < 3)
        {
            return "m= needs <media> <port>[/<count>] <proto> <fmt> ...";
        }
        var portText = tokens[1];
        var slash = portText.IndexOf('/');
        if (!SdpText.TryPort(slash < 0 ? portText : portText[..slash], out var port))
        {
            return $"m= port \"{portText}\" is not a number from 0 to 65535";
        }
        int? portCount = null;
        if (slash >= 0)
        {
            if (!SdpText.TryInt(portText.AsSpan(slash + 1), out var count) || count == 0)
            {
                return $"m= port count in \"{portText}\" is not a positive number";
            }
            portCount = count;
        }
        _media = new MediaDescription(tokens[0], port, tokens[2]) { PortCount = portCount };
        _media.Formats.AddRange(tokens.AsSpan(3));
        _session.Media.Add(_media);
        return null;
    }

    private static string? ParseConnection(string value, out ConnectionData? connection)
    {
        connection = null;
        var tokens = SdpText.Tokens(value);
        if (tokens.Length != 3)
        {
            return "c= needs <nettype> <addrtype> <connection-address>";
        }
        var (netType, addressType, address) = (tokens[0], tokens[1], tokens[2]);
        // Only IP4 and IP6 define the /ttl and /count suffixes; other address types keep the text whole.
        var parts = addressType is "IP4" or "IP6" ? address.Split('/') : [address];
        var maxParts = addressType == "IP4" ? 3 : 2;
        if (parts[0].Length == 0 || parts.Length > maxParts)
        {
            return $"c= address \"{address}\" is malformed";
        }
        int? ttl = null;
        int? count = null;
        var countIndex = addressType == "IP4" ? 2 : 1;
        if (addressType == "IP4" && parts.Length > 1)
        {
            if (!SdpText.TryInt(parts[1], out var ttlValue) || ttlValue > 255)
            {
                return $"c= TTL in \"{address}\" is not a number from 0 to 255";
            }
            ttl = ttlValue;
        }
        if (parts.Length > countIndex)
        {
            if (!SdpText.TryInt(parts[countIndex], out var countValue) || countValue == 0)
            {
                return $"c= address count in \"{address}\" is not a positive number";
            }
            count = countValue;
        }
        connection = new ConnectionData(netType, addressType, parts[0], ttl, count);
        return null;
    }

    private static string? AddBandwidth(List<Bandwidth> bandwidths, string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || !SdpText.TryLong(value.AsSpan(colon + 1).Trim(), out var amount))
        {
            return "b= needs <bwtype>:<bandwidth> with a numeric bandwidth";
        }
        bandwidths.Add(new Bandwidth(value[..colon], amount));
        return null;
    }

    private static string? AddAttribute(SdpAttributeList attributes, string value)
    {
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        if (name.Length == 0)
        {
            return "a= needs an attribute name";
        }
        attributes.Add(name, colon < 0 ? null : value[(colon + 1)..]);
        return null;
    }
}
