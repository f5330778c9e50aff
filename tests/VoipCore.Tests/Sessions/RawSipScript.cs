using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace VoipCore.Tests.Sessions;

/// <summary>Hand-written SIP from the raw socket: replies built from a request, and requests of our own, for flows a test scripts step by step.</summary>
internal sealed partial class RawCallee
{
    /// <summary>The next message starting with <paramref name="startsWith"/> ("INVITE ", "PRACK ", "SIP/2.0 ") and where it came from.</summary>
    public (string Text, IPEndPoint From) Expect(string startsWith, int timeoutMs = 5000) => Receive(timeoutMs, startsWith);

    /// <summary>True when a message starting with <paramref name="startsWith"/> arrives within <paramref name="timeoutMs"/>.</summary>
    public bool Sees(string startsWith, int timeoutMs)
    {
        try
        {
            Receive(timeoutMs, startsWith);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private int _sdpVersion;

    /// <summary>A description in PCMU on our RTP port with the given direction attribute (each one a new o= version).</summary>
    public string Sdp(string direction = "sendrecv") =>
        $"v=0\r\no=- 1 {++_sdpVersion} IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {((IPEndPoint)_rtp.Client.LocalEndPoint!).Port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n";

    /// <summary>Replies to <paramref name="request"/> with <paramref name="status"/> ("180 Ringing"), our tag on To, our Contact, extra header lines and an SDP body when given.</summary>
    public void Reply(string request, IPEndPoint to, string status, string headers = "", string? sdp = null)
    {
        var response = new StringBuilder($"SIP/2.0 {status}\r\n");
        foreach (var name in new[] { "Via", "From", "Call-ID", "CSeq" })
        {
            response.Append(HeaderLine(request, name));
        }
        string toLine = HeaderLine(request, "To").TrimEnd();
        response.Append(toLine.Contains(";tag=", StringComparison.Ordinal) ? toLine : toLine + ";tag=raw1").Append("\r\n");
        response.Append($"Contact: <sip:raw@127.0.0.1:{SipPort}>\r\n").Append(headers);
        Send(response, to, sdp);
    }

    /// <summary>Sends a request of ours to <paramref name="to"/>: start line, header lines, and an SDP body when given.</summary>
    public void SendRequest(IPEndPoint to, string startLine, string headers, string? sdp = null)
    {
        var request = new StringBuilder(startLine).Append("\r\n")
            .Append($"Via: SIP/2.0/UDP 127.0.0.1:{SipPort};branch=z9hG4bK{Guid.NewGuid():N};rport\r\nMax-Forwards: 70\r\n").Append(headers);
        Send(request, to, sdp);
    }

    private void Send(StringBuilder message, IPEndPoint to, string? sdp)
    {
        if (sdp != null)
        {
            message.Append($"Content-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
        }
        else
        {
            message.Append("Content-Length: 0\r\n\r\n");
        }
        _sip.Send(Encoding.ASCII.GetBytes(message.ToString()), to);
    }

    /// <summary>The value of header <paramref name="name"/> in <paramref name="message"/>, "" when absent.</summary>
    public static string Header(string message, string name) =>
        Regex.Match(message, $"^{name}:[ \t]*(.*?)\r$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Groups[1].Value;

    /// <summary>The URI inside a Contact header value.</summary>
    public static string ContactUri(string message) => Regex.Match(Header(message, "Contact"), "<([^>]+)>").Groups[1].Value;
}
