using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace VoipCore.Tests.Sessions;

/// <summary>
/// A minimal callee written with plain sockets, for what a well-behaved engine never does: it answers an INVITE
/// with 200 OK and a PCMU offer, then sends (or withholds) RTP exactly as a test scripts it, from its own RTP
/// socket or from a stranger's.
/// </summary>
internal sealed partial class RawCallee : IDisposable
{
    private readonly UdpClient _sip = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly UdpClient _rtp = new(new IPEndPoint(IPAddress.Loopback, 0));

    public int SipPort => ((IPEndPoint)_sip.Client.LocalEndPoint!).Port;
    public string Uri => $"sip:raw@127.0.0.1:{SipPort}";

    /// <summary>Where the caller wants its RTP, from its offer.</summary>
    public IPEndPoint? CallerMedia { get; private set; }

    /// <summary>Waits for an INVITE and answers it 200 OK with PCMU on our RTP port (what the ACK brings is ignored).</summary>
    public void AnswerInvite(int timeoutMs = 10000)
    {
        var (text, from) = Receive(timeoutMs, "INVITE ");
        var media = MediaLine().Match(text);
        CallerMedia = new IPEndPoint(IPAddress.Loopback, int.Parse(media.Groups[1].Value));
        int rtpPort = ((IPEndPoint)_rtp.Client.LocalEndPoint!).Port;
        string sdp = $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var name in new[] { "Via", "From", "Call-ID", "CSeq" })
        {
            response.Append(HeaderLine(text, name));
        }
        response.Append(HeaderLine(text, "To").TrimEnd() + ";tag=raw1\r\n");
        response.Append($"Contact: <sip:raw@127.0.0.1:{SipPort}>\r\nContent-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
        _sip.Send(Encoding.ASCII.GetBytes(response.ToString()), from);
    }

    /// <summary>Waits for a BYE and answers it 200 OK.</summary>
    public void AnswerBye(int timeoutMs = 10000)
    {
        var (text, from) = Receive(timeoutMs, "BYE ");
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var name in new[] { "Via", "From", "To", "Call-ID", "CSeq" })
        {
            response.Append(HeaderLine(text, name));
        }
        _sip.Send(Encoding.ASCII.GetBytes(response.Append("Content-Length: 0\r\n\r\n").ToString()), from);
    }

    /// <summary>Sends PCMU packets of silence, one per sequence number in <paramref name="sequence"/>, from our RTP socket (or another).</summary>
    public void SendRtp(IEnumerable<int> sequence, UdpClient? from = null)
    {
        var packet = new byte[12 + 160];
        packet[0] = 0x80;
        Array.Fill(packet, (byte)0xFF, 12, 160);
        foreach (int seq in sequence)
        {
            packet[2] = (byte)(seq >> 8);
            packet[3] = (byte)seq;
            uint timestamp = (uint)seq * 160;
            packet[4] = (byte)(timestamp >> 24);
            packet[5] = (byte)(timestamp >> 16);
            packet[6] = (byte)(timestamp >> 8);
            packet[7] = (byte)timestamp;
            packet[11] = 0x42;
            (from ?? _rtp).Send(packet, CallerMedia!);
            Thread.Sleep(20);
        }
    }

    /// <summary>Sends raw bytes to the caller's RTP port from our RTP socket.</summary>
    public void SendRaw(byte[] datagram) => _rtp.Send(datagram, CallerMedia!);

    private (string Text, IPEndPoint From) Receive(int timeoutMs, string startsWith)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline)
        {
            _sip.Client.ReceiveTimeout = (int)Math.Max(1, deadline - Environment.TickCount64);
            var from = new IPEndPoint(IPAddress.Any, 0);
            try
            {
                string text = Encoding.ASCII.GetString(_sip.Receive(ref from));
                if (text.StartsWith(startsWith, StringComparison.Ordinal))
                {
                    return (text, from);
                }
            }
            catch (SocketException)
            {
                break;
            }
        }
        throw new TimeoutException($"no {startsWith.Trim()} within {timeoutMs} ms");
    }

    private static string HeaderLine(string message, string name) =>
        Regex.Match(message, $"^{name}:.*\r\n", RegexOptions.Multiline | RegexOptions.IgnoreCase).Value;

    [GeneratedRegex(@"^m=audio (\d+) ", RegexOptions.Multiline)]
    private static partial Regex MediaLine();

    public void Dispose()
    {
        _sip.Dispose();
        _rtp.Dispose();
    }
}
