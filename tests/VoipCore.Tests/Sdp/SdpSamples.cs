namespace VoipCore.Tests.Sdp;

/// <summary>
/// Descriptions shaped like what real peers send (written with LF here; <see cref="Crlf"/> gives the wire form).
/// </summary>
internal static class SdpSamples
{
    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    public const string Baresip = """
        v=0
        o=- 1443245744 2498357810 IN IP4 192.168.1.10
        s=-
        c=IN IP4 192.168.1.10
        t=0 0
        a=tool:baresip 3.10.1
        m=audio 10002 RTP/AVP 96 9 0 8 101
        b=AS:128
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=rtcp-rsize
        a=ssrc:1234567890 cname:deadbeef@host
        a=ptime:20

        """;

    public const string ChromeWebRtc = """
        v=0
        o=- 4611731400430051336 2 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0 1
        a=extmap-allow-mixed
        a=msid-semantic: WMS stream1
        m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=candidate:1467250027 1 udp 2122260223 192.168.0.196 46243 typ host generation 0 network-id 1
        a=candidate:435653019 1 udp 1686052607 203.0.113.7 46243 typ srflx raddr 192.168.0.196 rport 46243 generation 0 network-id 1
        a=ice-ufrag:Oyef
        a=ice-pwd:7Wb9XPzdMr+bP+QqxUWMQgsn
        a=ice-options:trickle
        a=fingerprint:sha-256 49:66:12:17:0D:1C:91:AE:57:4C:C6:36:DD:D5:97:D2:7D:62:C9:9A:7F:B9:A3:F4:70:03:E7:43:91:73:23:5E
        a=setup:actpass
        a=mid:0
        a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
        a=sendrecv
        a=msid:stream1 track1
        a=rtcp-mux
        a=rtpmap:111 opus/48000/2
        a=rtcp-fb:111 transport-cc
        a=fmtp:111 minptime=10;useinbandfec=1
        a=rtpmap:63 red/48000/2
        a=fmtp:63 111/111
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:13 CN/8000
        a=rtpmap:110 telephone-event/48000
        a=rtpmap:126 telephone-event/8000
        a=ssrc:3570614608 cname:4TOk42mSjXCkVIa6
        a=ssrc:3570614608 msid:stream1 track1
        m=video 9 UDP/TLS/RTP/SAVPF 96 97
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=ice-ufrag:Oyef
        a=ice-pwd:7Wb9XPzdMr+bP+QqxUWMQgsn
        a=ice-options:trickle
        a=fingerprint:sha-256 49:66:12:17:0D:1C:91:AE:57:4C:C6:36:DD:D5:97:D2:7D:62:C9:9A:7F:B9:A3:F4:70:03:E7:43:91:73:23:5E
        a=setup:actpass
        a=mid:1
        a=sendrecv
        a=rtcp-mux
        a=rtcp-rsize
        a=rtpmap:96 VP8/90000
        a=rtcp-fb:96 nack
        a=rtpmap:97 rtx/90000
        a=fmtp:97 apt=96
        a=ssrc-group:FID 1 2
        a=ssrc:1 cname:4TOk42mSjXCkVIa6
        a=ssrc:2 cname:4TOk42mSjXCkVIa6

        """;

    public const string Linphone = """
        v=0
        o=alice 3016 1818 IN IP4 192.168.1.20
        s=Talk
        c=IN IP4 192.168.1.20
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        a=record:off
        m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=rtpmap:98 speex/8000
        a=fmtp:98 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:99 telephone-event/16000
        a=rtpmap:100 telephone-event/8000
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr

        """;

    public const string SippDefault = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 0
        a=rtpmap:0 PCMU/8000

        """;

    /// <summary>Every line type RFC 4566 defines, at both levels, in its order.</summary>
    public const string AllFields = """
        v=0
        o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
        s=SDP Seminar
        i=A Seminar on the session description protocol
        u=http://www.example.com/seminars/sdp.pdf
        e=j.doe@example.com (Jane Doe)
        p=+1 617 555-6011
        c=IN IP4 224.2.17.12/127
        b=CT:1000
        t=2873397496 2873404696
        r=7d 1h 0 25h
        z=2882844526 -1h 2898848070 0
        k=prompt
        y=an unknown line kept in place
        a=recvonly
        m=audio 49170 RTP/AVP 0
        i=the audio
        c=IN IP6 FF15::101/3
        b=AS:64
        k=clear:secret
        a=ptime:30
        m=video 51372/2 RTP/AVP 99
        a=rtpmap:99 h263-1998/90000

        """;
}
