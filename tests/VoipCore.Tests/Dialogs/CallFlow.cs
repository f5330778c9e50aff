using System.Text;
using VoipCore.Sip;

namespace VoipCore.Tests.Dialogs;

/// <summary>
/// A call from Alice to Bob through two record-routing proxies, ss1.atlanta (Alice's) and ss2.biloxi (Bob's),
/// modelled on RFC 3665 3.2, as the raw messages each side sees.
/// </summary>
internal static class CallFlow
{
    public const string CallId = "3848276298220188511@atlanta.example.com";
    public const string AliceTag = "9fxced76sl";
    public const string BobTag = "314159";

    /// <summary>Parses header lines written with any line ending, adding the empty line that ends the header.</summary>
    public static SipMessage Parse(string headers) =>
        SipMessage.Parse(Encoding.UTF8.GetBytes(headers.ReplaceLineEndings("\r\n") + "\r\n\r\n"));

    public static string Text(SipMessageBuilder builder) => Encoding.UTF8.GetString(builder.ToArray());

    /// <summary>What the client transaction sends: the built request with its Via prepended, parsed back.</summary>
    public static SipMessage Sent(SipMessageBuilder request) =>
        SipMessage.Parse(request.Prepend(HeaderId.Via, "SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bKsent").ToArray());

    /// <summary>A copy of <paramref name="message"/> with one piece of text replaced.</summary>
    public static SipMessage Edited(SipMessage message, string oldText, string newText) =>
        SipMessage.Parse(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(message.RawMessage.Span).Replace(oldText, newText)));

    /// <summary>Expected wire text: the lines with CRLF, and the empty line that ends the header.</summary>
    public static string Wire(string headers) => headers.ReplaceLineEndings("\r\n") + "\r\n\r\n";

    /// <summary>The INVITE as Alice sends it.</summary>
    public static SipMessage AliceInvite() => Parse($"""
        INVITE sip:bob@biloxi.example.com SIP/2.0
        Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9
        Max-Forwards: 70
        From: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
        To: Bob <sip:bob@biloxi.example.com>
        Call-ID: {CallId}
        CSeq: 1 INVITE
        Contact: <sip:alice@client.atlanta.example.com;transport=udp>
        Content-Length: 0
        """);

    /// <summary>The INVITE as Bob receives it, after both proxies added Record-Route.</summary>
    public static SipMessage InviteAtBob() => Parse($"""
        INVITE sip:bob@client.biloxi.example.com SIP/2.0
        Via: SIP/2.0/UDP ss2.biloxi.example.com:5060;branch=z9hG4bK721e4.1
        Via: SIP/2.0/UDP ss1.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=192.0.2.111
        Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101
        Max-Forwards: 68
        Record-Route: <sip:ss2.biloxi.example.com;lr>, <sip:ss1.atlanta.example.com;lr>
        From: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
        To: Bob <sip:bob@biloxi.example.com>
        Call-ID: {CallId}
        CSeq: 1 INVITE
        Contact: <sip:alice@client.atlanta.example.com;transport=udp>
        Content-Length: 0
        """);

    /// <summary>
    /// A response to Alice's INVITE as Alice receives it; <paramref name="recordRoute"/> lists the Record-Route
    /// values in the order the proxies leave them (Bob's proxy first).
    /// </summary>
    public static SipMessage ResponseAtAlice(int status, string reason, string toTag = BobTag, string? contact = "<sip:bob@192.0.2.4>",
        string recordRoute = "<sip:ss2.biloxi.example.com;lr>, <sip:ss1.atlanta.example.com;lr>", int cseq = 1, string method = "INVITE")
    {
        string contactLine = contact is null ? "" : $"\nContact: {contact}";
        string recordRouteLine = recordRoute.Length == 0 ? "" : $"\nRecord-Route: {recordRoute}";
        string toLine = toTag.Length == 0 ? "To: Bob <sip:bob@biloxi.example.com>" : $"To: Bob <sip:bob@biloxi.example.com>;tag={toTag}";
        return Parse($"""
            SIP/2.0 {status} {reason}
            Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101{recordRouteLine}
            From: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
            {toLine}
            Call-ID: {CallId}
            CSeq: {cseq} {method}{contactLine}
            Content-Length: 0
            """);
    }

    /// <summary>A request from Bob to Alice within the dialog, as Alice receives it.</summary>
    public static SipMessage RequestFromBob(string method, int cseq, string? contact = null) => Parse($"""
        {method} sip:alice@client.atlanta.example.com;transport=udp SIP/2.0
        Via: SIP/2.0/UDP ss1.atlanta.example.com:5060;branch=z9hG4bKbob{cseq}.1
        Via: SIP/2.0/UDP client.biloxi.example.com:5060;branch=z9hG4bKbob{cseq}
        Max-Forwards: 69
        From: Bob <sip:bob@biloxi.example.com>;tag={BobTag}
        To: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
        Call-ID: {CallId}
        CSeq: {cseq} {method}{(contact is null ? "" : $"\nContact: {contact}")}
        Content-Length: 0
        """);

    /// <summary>A request from Alice to Bob within the dialog, as Bob receives it.</summary>
    public static SipMessage RequestFromAlice(string method, int cseq, string? contact = null) => Parse($"""
        {method} sip:bob@client.biloxi.example.com SIP/2.0
        Via: SIP/2.0/UDP ss2.biloxi.example.com:5060;branch=z9hG4bKalice{cseq}.1
        Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bKalice{cseq}
        Max-Forwards: 69
        From: Alice <sip:alice@atlanta.example.com>;tag={AliceTag}
        To: Bob <sip:bob@biloxi.example.com>;tag={BobTag}
        Call-ID: {CallId}
        CSeq: {cseq} {method}{(contact is null ? "" : $"\nContact: {contact}")}
        Content-Length: 0
        """);
}
