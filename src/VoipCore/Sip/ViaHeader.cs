namespace VoipCore.Sip;

/// <summary>
/// One Via value: <c>SIP/2.0/UDP host:port;branch=...;received=...;rport</c>. White space is allowed around
/// the slashes and the colon (RFC 3261 SLASH and COLON are SWS-wrapped).
/// </summary>
public readonly struct ViaHeader
{
    /// <summary>The protocol name (normally "SIP").</summary>
    public ReadOnlyMemory<byte> ProtocolName { get; private init; }

    /// <summary>The protocol version (normally "2.0").</summary>
    public ReadOnlyMemory<byte> ProtocolVersion { get; private init; }

    /// <summary>The transport token as written (UDP, TCP, TLS, SCTP, WS, WSS or an extension).</summary>
    public ReadOnlyMemory<byte> Transport { get; private init; }

    /// <summary>The sent-by host (IPv6 references keep their brackets).</summary>
    public ReadOnlyMemory<byte> Host { get; private init; }

    /// <summary>What kind of host <see cref="Host"/> is.</summary>
    public HostKind HostKind { get; private init; }

    /// <summary>The sent-by port, or -1 when absent.</summary>
    public int Port { get; private init; }

    /// <summary>All Via parameters.</summary>
    public SipParameterList Parameters { get; private init; }

    /// <summary>The branch parameter, or empty (found while the parameters are checked).</summary>
    public ReadOnlyMemory<byte> Branch { get; private init; }

    /// <summary>The received parameter, or empty.</summary>
    public ReadOnlyMemory<byte> Received => Parameters.GetValue("received"u8);

    /// <summary>The maddr parameter, or empty.</summary>
    public ReadOnlyMemory<byte> Maddr => Parameters.GetValue("maddr"u8);

    /// <summary>True when an rport parameter is present (RFC 3581), with or without a value.</summary>
    public bool HasRport => Parameters.Contains("rport"u8);

    /// <summary>The rport value, or -1 when absent or valueless.</summary>
    public int Rport => ParseIntParameter("rport"u8);

    /// <summary>The ttl parameter, or -1 when absent.</summary>
    public int Ttl => ParseIntParameter("ttl"u8);

    /// <summary>True when the branch starts with the RFC 3261 magic cookie "z9hG4bK".</summary>
    public bool HasRfc3261Branch => Branch.Span.StartsWith("z9hG4bK"u8);

    private int ParseIntParameter(ReadOnlySpan<byte> name) =>
        Parameters.TryGet(name, out SipParameter p) && SipGrammar.TryParseUInt32(p.Value.Span, out uint v) && v <= int.MaxValue ? (int)v : -1;

    /// <summary>Parses one Via value (not a comma list) without allocating; false if malformed.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ViaHeader via)
    {
        via = default;
        ReadOnlySpan<byte> s = value.Span;
        int pos = 0;
        if (!ReadToken(s, ref pos, out Range name) || !ReadSlash(s, ref pos)
            || !ReadToken(s, ref pos, out Range version) || !ReadSlash(s, ref pos)
            || !ReadToken(s, ref pos, out Range transport))
            return false;
        int afterTransport = pos;
        pos = SipGrammar.SkipWhite(s, pos);
        if (pos == afterTransport) return false;

        int hostStart = pos;
        int hostEnd = pos;
        if (pos < s.Length && s[pos] == '[')
        {
            int close = s[pos..].IndexOf((byte)']');
            if (close < 0) return false;
            hostEnd = pos + close + 1;
        }
        else
        {
            while (hostEnd < s.Length && !SipGrammar.IsWhite(s[hostEnd]) && s[hostEnd] is not ((byte)':' or (byte)';')) hostEnd++;
        }
        // COLON may be surrounded by white space: squeeze it out by reading host and port separately.
        int portPos = SipGrammar.SkipWhite(s, hostEnd);
        int hostOnly = 0;
        ReadOnlySpan<byte> hostSpan = s[hostStart..hostEnd];
        if (!SipUri.TryReadHostPort(hostSpan, ref hostOnly, out Range host, out HostKind kind, out _) || hostOnly != hostSpan.Length)
            return false;
        int port = -1;
        pos = hostEnd;
        if (portPos < s.Length && s[portPos] == ':')
        {
            int digits = SipGrammar.SkipWhite(s, portPos + 1);
            int digitsEnd = digits;
            while (digitsEnd < s.Length && SipGrammar.IsDigit(s[digitsEnd])) digitsEnd++;
            if (!SipGrammar.TryParseUInt32(s[digits..digitsEnd], out uint p) || p > 65535) return false;
            port = (int)p;
            pos = digitsEnd;
        }
        ReadOnlyMemory<byte> parameters = value[pos..];
        if (!SipParameterList.IsWellFormed(parameters.Span, "branch"u8, out Range branch, out _)) return false;
        via = new ViaHeader
        {
            ProtocolName = value[name], ProtocolVersion = value[version], Transport = value[transport],
            Host = value.Slice(hostStart + host.Start.Value, host.End.Value - host.Start.Value), HostKind = kind, Port = port,
            Parameters = new SipParameterList(parameters), Branch = parameters[branch],
        };
        return true;
    }

    private static bool ReadToken(ReadOnlySpan<byte> s, ref int pos, out Range token)
    {
        pos = SipGrammar.SkipWhite(s, pos);
        int start = pos;
        pos = SipGrammar.SkipToken(s, pos);
        token = start..pos;
        return pos > start;
    }

    private static bool ReadSlash(ReadOnlySpan<byte> s, ref int pos)
    {
        pos = SipGrammar.SkipWhite(s, pos);
        if (pos >= s.Length || s[pos] != '/') return false;
        pos++;
        return true;
    }
}
