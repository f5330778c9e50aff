using VoipCore.Auth;

namespace VoipCore.Tests.Auth;

public class ReplayWindowTests
{
    [Fact]
    public void AcceptsEachCountOnceInAnyOrderWithinTheWindow()
    {
        var window = new ReplayWindow();

        Assert.True(window.TryAccept(1));
        Assert.True(window.TryAccept(3));
        Assert.True(window.TryAccept(2));
        Assert.False(window.TryAccept(2));
        Assert.False(window.TryAccept(3));
        Assert.False(window.TryAccept(0));
    }

    [Fact]
    public void CountsFallingOutOfTheWindowAreRefused()
    {
        var window = new ReplayWindow();

        Assert.True(window.TryAccept(1));
        Assert.True(window.TryAccept(100));
        Assert.False(window.TryAccept(2));  // 98 behind: cannot tell, so refuse
        Assert.True(window.TryAccept(37));  // 63 behind: still tracked
        Assert.False(window.TryAccept(37));
    }
}
