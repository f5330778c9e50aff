using System.Net;
using VoipCore.Configuration;
using VoipCore.Sessions;

namespace VoipCore.Tests.Sessions;

public class SessionTimerTests
{
    [Theory]
    [InlineData("1800;refresher=uac", 1800, SessionRefresher.Uac)]
    [InlineData("90 ; refresher = UAS", 90, SessionRefresher.Uas)]
    [InlineData("600;foo=bar", 600, null)]
    public void Session_expires_values_parse(string text, int seconds, SessionRefresher? refresher)
    {
        Assert.True(SessionExpires.TryParse(text, out var value));
        Assert.Equal(new SessionExpires(seconds, refresher), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0;refresher=uac")]
    public void Malformed_session_expires_values_are_refused(string text) => Assert.False(SessionExpires.TryParse(text, out _));

    [Fact]
    public void Session_expires_values_format()
    {
        Assert.Equal("1800", new SessionExpires(1800, null).ToString());
        Assert.Equal("120;refresher=uas", new SessionExpires(120, SessionRefresher.Uas).ToString());
        Assert.Equal("90;refresher=uac", new SessionExpires(90, SessionRefresher.Uac).ToString());
    }

    [Theory]
    // refresher, we sent the INVITE, we refresh
    [InlineData(SessionRefresher.Uac, true, true)]
    [InlineData(SessionRefresher.Uac, false, false)]
    [InlineData(SessionRefresher.Uas, true, false)]
    [InlineData(SessionRefresher.Uas, false, true)]
    public void The_refresher_role_follows_the_parameter_and_our_side(SessionRefresher refresher, bool weSentInvite, bool weRefresh) =>
        Assert.Equal(weRefresh, new SessionTimer(new SessionExpires(1800, refresher), weSentInvite).WeRefresh);

    [Fact]
    public void Refreshes_come_half_way_and_expiry_a_third_or_32_s_before_the_end()
    {
        var long1800 = new SessionTimer(new SessionExpires(1800, null), weSentInvite: true);
        Assert.True(long1800.WeRefresh, "no refresher named: the caller refreshes");
        Assert.Equal(TimeSpan.FromSeconds(900), long1800.RefreshAfter);
        Assert.Equal(TimeSpan.FromSeconds(1768), long1800.ExpireAfter);
        Assert.Equal(TimeSpan.FromSeconds(900), long1800.NextDeadline);

        var short90 = new SessionTimer(new SessionExpires(90, SessionRefresher.Uac), weSentInvite: false);
        Assert.Equal(TimeSpan.FromSeconds(45), short90.RefreshAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), short90.ExpireAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), short90.NextDeadline);

        var tooShort = Assert.Throws<VoipException>(() => new SessionTimer(new SessionExpires(60, null), true));
        Assert.Equal(ErrorCode.InvalidArgument, tooShort.Code);
    }

    [Fact]
    public void The_session_interval_is_configurable_and_validated()
    {
        Assert.Equal(1800, ConfigLoader.Load("{}").Calls.SessionExpiresSeconds);
        Assert.Equal(0, ConfigLoader.Load("{\"calls\":{\"session_expires_s\":0}}").Calls.SessionExpiresSeconds);
        var error = Assert.Throws<VoipException>(() => ConfigLoader.Load("{\"calls\":{\"session_expires_s\":30}}"));
        Assert.Contains("calls.session_expires_s", error.Message);
    }

    [Fact]
    public void Our_invite_asks_for_the_configured_interval_and_supports_timers()
    {
        using var pair = new CallPair();
        using var callee = new RawCallee();
        pair.Alice.Calls.MakeCall(null, callee.Uri, ["pcmu"]);
        var (invite, _) = callee.Expect("INVITE ");
        Assert.Equal("1800", RawCallee.Header(invite, "Session-Expires"));
        Assert.Contains("timer", RawCallee.Header(invite, "Supported"));
    }

    private static string Invite(CallPair pair, RawCallee caller, string callId, string extra) =>
        $"From: <{caller.Uri}>;tag=rawcaller\r\nTo: <{pair.BobUri}>\r\nCall-ID: {callId}\r\nCSeq: 1 INVITE\r\nContact: <{caller.Uri}>\r\n{extra}";

    [Fact]
    public void An_interval_below_90_s_is_refused_with_422_and_min_se()
    {
        using var pair = new CallPair();
        using var caller = new RawCallee();
        var bob = IPEndPoint.Parse(pair.BobAddress["udp:".Length..]);
        caller.SendRequest(bob, $"INVITE {pair.BobUri} SIP/2.0", Invite(pair, caller, $"short-{caller.SipPort}", "Session-Expires: 60\r\n"), caller.Sdp());
        var (refusal, _) = caller.Expect("SIP/2.0 4");
        Assert.StartsWith("SIP/2.0 422", refusal);
        Assert.Equal("90", RawCallee.Header(refusal, "Min-SE"));
    }

    [Theory]
    [InlineData("Session-Expires: 120\r\nSupported: timer\r\n", "120;refresher=uac", true)]
    [InlineData("Session-Expires: 300;refresher=uas\r\nSupported: timer\r\n", "300;refresher=uas", true)]
    [InlineData("Session-Expires: 120\r\n", "120;refresher=uas", false)]
    public void Our_200_echoes_the_interval_with_the_refresher(string extra, string expected, bool requireTimer)
    {
        using var pair = new CallPair();
        using var caller = new RawCallee();
        var bob = IPEndPoint.Parse(pair.BobAddress["udp:".Length..]);
        caller.SendRequest(bob, $"INVITE {pair.BobUri} SIP/2.0", Invite(pair, caller, $"timer-{caller.SipPort}", extra), caller.Sdp());
        Call.FromHandle(pair.BobEvents.WaitForIncoming().Handle).Answer();
        var (ok, _) = caller.Expect("SIP/2.0 200");
        Assert.Equal(expected, RawCallee.Header(ok, "Session-Expires"));
        Assert.Equal(requireTimer, RawCallee.Header(ok, "Require").Contains("timer"));
        Assert.Contains("UPDATE", RawCallee.Header(ok, "Allow"));
    }
}
