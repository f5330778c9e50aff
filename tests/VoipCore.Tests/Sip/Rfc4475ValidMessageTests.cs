using System.Text;
using VoipCore.Sip;
using static VoipCore.Tests.Sip.TortureVectors;

namespace VoipCore.Tests.Sip;

/// <summary>RFC 4475 section 3.1.1: valid messages that must be accepted and understood.</summary>
public class Rfc4475ValidMessageTests
{
    [Fact]
    public void Wsinv_ShortTortuousInvite()
    {
        SipMessage m = ParseValid("wsinv");
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", Text(m.RequestUriText));
        Assert.True(m.TryGetRequestUri(out SipUri ruri));
        Assert.True(ruri.Parameters.Contains("unknownparam"u8));

        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("sip:vivekg@chair-dnrc.example.com", to.Uri.ToString());
        Assert.Equal("1918181833n", Text(to.Tag));
        Assert.True(m.TryGetFrom(out NameAddress from));
        Assert.Equal("J Rosenberg \\\"", from.GetDisplayName());
        Assert.Equal("98asjd8", Text(from.Tag));
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", Text(m.CallId));
        Assert.True(m.TryGetCSeq(out CSeqHeader cseq));
        Assert.Equal(9u, cseq.Number);
        Assert.Equal(SipMethod.Invite, cseq.Method);

        // Via: one folded line with white space around the slashes, then a compact "v" line holding two values.
        var vias = new List<ViaHeader>();
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.Via))
        {
            Assert.True(ViaHeader.TryParse(v, out ViaHeader via));
            vias.Add(via);
        }
        Assert.Equal(3, vias.Count);
        Assert.Equal("UDP", Text(vias[0].Transport));
        Assert.Equal("192.0.2.2", Text(vias[0].Host));
        Assert.Equal("390skdjuw", Text(vias[0].Branch));
        Assert.Equal("TCP", Text(vias[1].Transport));
        Assert.Equal("spindle.example.com", Text(vias[1].Host));
        Assert.Equal("z9hG4bK9ikj8", Text(vias[1].Branch));
        Assert.Equal("192.168.255.111", Text(vias[2].Host));
        Assert.Equal("z9hG4bK30239", Text(vias[2].Branch));

        Assert.True(m.TryGetFirst(HeaderId.Subject, out ReadOnlyMemory<byte> subject));
        Assert.True(subject.IsEmpty);
        Assert.Equal("newfangled value continued newfangled value", Single(m, "NewFangledHeader"));
        Assert.Equal(";;,,;;,;", Single(m, "UnknownHeaderWithUnusualValue"));

        Assert.True(m.TryGetFirstValue(HeaderId.Route, out ReadOnlyMemory<byte> routeValue));
        Assert.True(NameAddress.TryParse(routeValue, out NameAddress route));
        Assert.True(route.Uri.IsLooseRouting);
        Assert.Equal("value", Text(route.Uri.Parameters.GetValue("unknownwith"u8)));

        Assert.True(m.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> contactValue));
        Assert.True(NameAddress.TryParse(contactValue, out NameAddress contact));
        Assert.Equal("Quoted string \"\"", contact.GetDisplayName());
        Assert.Equal("newvalue", Text(contact.Parameters.GetValue("newparam"u8)));
        Assert.True(contact.Parameters.Contains("secondparam"u8));
        Assert.Equal("0.33", Text(contact.Parameters.GetValue("q"u8)));
        Assert.Equal(150, m.Body.Length);
    }

    private static string Single(SipMessage m, string name)
    {
        string? found = null;
        foreach (ReadOnlyMemory<byte> v in m.GetValues(name))
        {
            Assert.Null(found);
            found = SipText.Decode(v.Span);
        }
        Assert.NotNull(found);
        return found;
    }

    [Fact]
    public void Intmeth_WideRangeOfValidCharacters()
    {
        SipMessage m = ParseValid("intmeth");
        Assert.Equal(SipMethod.Unknown, m.Method);
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", m.GetMethodName());
        Assert.True(m.TryGetRequestUri(out SipUri ruri));
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", Text(ruri.User));
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", Text(ruri.Password));
        Assert.Equal("example.com", ruri.GetHost());
        Assert.True(m.TryGetTopVia(out ViaHeader via));
        Assert.Equal("z9hG4bK-.!%66*_+`'~", Text(via.Branch));
        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("BEL:\a NUL:\0 DEL:\x7f", to.GetDisplayName());
        Assert.True(m.TryGetFrom(out NameAddress from));
        Assert.Equal("token1~` token2'+_ token3*%!.-", from.GetDisplayName());
        Assert.Equal("_token~1'+`*%!-.", Text(from.Tag));
        Assert.True(from.Parameters.TryGet("fromParam''~+*_!.-%"u8, out SipParameter p));
        Assert.Equal("работающий", SipText.Unquote(p.Value.Span));
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", Text(m.CallId));
        Assert.True(m.TryGetCSeq(out CSeqHeader cseq));
        Assert.Equal(139122385u, cseq.Number);
        Assert.Equal(255, m.MaxForwards);
        Assert.Equal("\uFEFF大停電", Single(m, "extensionHeader-!.%*+_`'~"));
    }

    [Fact]
    public void Esc01_ValidUseOfEscaping()
    {
        SipMessage m = ParseValid("esc01");
        Assert.True(m.TryGetRequestUri(out SipUri ruri));
        Assert.Equal("sips:user@example.com", ruri.GetUser());
        Assert.Equal("example.net", ruri.GetHost());
        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("user", to.Uri.GetUser());
        Assert.True(m.TryGetFrom(out NameAddress from));
        Assert.Equal("I have spaces", from.Uri.GetUser());
        Assert.True(m.TryGetFirstValue(HeaderId.Contact, out ReadOnlyMemory<byte> c));
        Assert.True(NameAddress.TryParse(c, out NameAddress contact));
        Assert.Equal("caller", contact.Uri.GetUser());
        Assert.True(contact.Uri.Parameters.Contains("%6C%72"u8));
        Assert.Equal("v%61lue%25%34%31", Text(contact.Uri.Parameters.GetValue("n%61me"u8)));
        Assert.Equal("value%41", SipText.Unescape(contact.Uri.Parameters.GetValue("n%61me"u8).Span));
        Assert.True(m.TryGetFirst(HeaderId.ContentType, out ReadOnlyMemory<byte> ct));
        Assert.Equal("application/sdp", Text(ct));
    }

    [Fact]
    public void Escnull_EscapedNullsInUris()
    {
        SipMessage m = ParseValid("escnull");
        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("null-\0-null", to.Uri.GetUser());
        var users = new List<string?>();
        foreach (ReadOnlyMemory<byte> c in m.GetValues(HeaderId.Contact))
        {
            Assert.True(NameAddress.TryParse(c, out NameAddress contact));
            users.Add(contact.Uri.GetUser());
        }
        Assert.Equal(["\0", "\0\0"], users);
    }

    [Fact]
    public void Esc02_PercentThatIsNotAnEscape()
    {
        SipMessage m = ParseValid("esc02");
        Assert.Equal(SipMethod.Unknown, m.Method);
        Assert.Equal("RE%47IST%45R", m.GetMethodName());
        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("%Z%45", to.GetDisplayName());
        Assert.True(m.TryGetTopVia(out ViaHeader via));
        Assert.Equal("z9hG4bK209%fzsnel234", Text(via.Branch));
        // "C%6Fntact" is not Contact: header names are not unescaped.
        Assert.Equal(2, m.Count(HeaderId.Contact));
        Assert.Equal("<sip:alias2@host2.example.com>", Single(m, "C%6Fntact"));
    }

    [Fact]
    public void Lwsdisp_NoLwsBetweenDisplayNameAndLaquot()
    {
        SipMessage m = ParseValid("lwsdisp");
        Assert.True(m.TryGetFrom(out NameAddress from));
        Assert.Equal("caller", from.GetDisplayName());
        Assert.Equal("sip:caller@example.com", from.Uri.ToString());
        Assert.Equal("323", Text(from.Tag));
    }

    [Fact]
    public void Longreq_LongValues()
    {
        SipMessage m = ParseValid("longreq");
        Assert.True(m.TryGetTo(out NameAddress to));
        Assert.Equal("I have a user name of " + string.Concat(Enumerable.Repeat("extreme", 10)) + " proportion", to.GetDisplayName());
        Assert.Equal(6000, to.Uri.Port);
        Assert.Equal("very" + string.Concat(Enumerable.Repeat("long", 20)) + "value", Text(to.Uri.Parameters.GetValue("unknownparam1"u8)));
        Assert.True(m.TryGetFrom(out NameAddress from));
        Assert.Equal(string.Concat(Enumerable.Repeat("amazinglylongcallername", 5)), from.Uri.GetUser());
        Assert.StartsWith("longreq.one", Text(m.CallId));

        int vias = 0;
        ViaHeader last = default;
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.Via))
        {
            Assert.True(ViaHeader.TryParse(v, out last));
            vias++;
        }
        Assert.Equal(34, vias);
        Assert.Equal("192.0.2.5", Text(last.Received));
        Assert.StartsWith("verylonglong", Text(last.Branch));
        Assert.Equal(150, m.Body.Length);

        int unknownLong = 0;
        foreach (ref readonly HeaderField f in m.Headers)
            if (f.Id == HeaderId.Unknown && Text(m.GetName(f)).StartsWith("Unknown-LongLong")) unknownLong++;
        Assert.Equal(1, unknownLong);
    }

    [Fact]
    public void Dblreq_ExtraTrailingOctetsInDatagramAreIgnored()
    {
        byte[] datagram = Load("dblreq");
        Assert.True(SipMessage.TryParse(datagram, out SipMessage m, out SipParseError error), error.ToString());
        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal(0, m.Body.Length);
        Assert.True(m.Length < datagram.Length);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", Text(m.CallId));
    }

    [Fact]
    public void Semiuri_SemicolonInUserPart()
    {
        SipMessage m = ParseValid("semiuri");
        Assert.True(m.TryGetRequestUri(out SipUri ruri));
        Assert.Equal("user;par=u@example.net", ruri.GetUser());
        Assert.Equal("example.com", ruri.GetHost());
        Assert.True(ruri.Parameters.IsEmpty);
        var accept = new List<string>();
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.Accept)) accept.Add(Text(v));
        Assert.Equal(["application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag"], accept);
    }

    [Fact]
    public void Transports_AllKnownAndUnknownTransports()
    {
        SipMessage m = ParseValid("transports");
        var transports = new List<string>();
        foreach (ReadOnlyMemory<byte> v in m.GetValues(HeaderId.Via))
        {
            Assert.True(ViaHeader.TryParse(v, out ViaHeader via));
            transports.Add(Text(via.Transport));
        }
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], transports);
    }

    [Fact]
    public void Mpart01_MultipartBodyIsIntact()
    {
        SipMessage m = ParseValid("mpart01");
        Assert.Equal(553, m.Body.Length);
        Assert.True(m.TryGetFirst(HeaderId.ContentType, out ReadOnlyMemory<byte> ct));
        Assert.Equal("multipart/mixed;boundary=7a9cbec02ceef655", Text(ct));
        byte[] raw = Load("mpart01");
        Assert.True(raw.AsSpan(raw.Length - 553).SequenceEqual(m.Body.Span));
        Assert.True(m.Body.Span.EndsWith("--7a9cbec02ceef655--\r\n"u8));
        Assert.True(m.Body.Span.IndexOf((byte)0) > 0, "binary part keeps its NUL bytes");
    }

    [Fact]
    public void Unreason_Utf8ReasonPhrase()
    {
        SipMessage m = ParseValid("unreason");
        Assert.True(m.IsResponse);
        Assert.Equal(200, m.StatusCode);
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", m.GetReasonPhrase());
        Assert.Equal(154, m.Body.Length);
    }

    [Fact]
    public void Noreason_EmptyReasonPhrase()
    {
        SipMessage m = ParseValid("noreason");
        Assert.Equal(100, m.StatusCode);
        Assert.Equal("", m.GetReasonPhrase());
        Assert.Equal("902jndnke3", Text(m.ToTag));
    }

    [Fact]
    public void ValidVectors_DeclaredContentLengthMatchesTheBytes()
    {
        // Guards the vectors themselves: a lost or added CR would break Content-Length.
        foreach (string name in new[] { "wsinv", "esc01", "longreq", "mpart01", "unreason", "invut", "bcast", "sdp01" })
        {
            byte[] raw = Load(name);
            SipMessage m = ParseValid(name);
            Assert.Equal(raw.Length, m.Length);
            Assert.Equal(m.ContentLength, m.Body.Length);
        }
    }
}
