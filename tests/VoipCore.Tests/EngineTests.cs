using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Handles;

namespace VoipCore.Tests;

public class EngineTests
{
    [Fact]
    public void FirstEventIsEngineStartedWithTheVersion()
    {
        using var engine = new Engine(ConfigLoader.Load(null));
        var first = engine.Events.Poll(5000);
        Assert.NotNull(first);
        Assert.Equal(EventType.EngineStarted, first.Type);
        Assert.Equal(1ul, first.Sequence);
        Assert.Contains(LibraryVersion.Text, first.DetailJson);
    }

    [Fact]
    public void DisposedEngineHandleNoLongerResolves()
    {
        var engine = new Engine(ConfigLoader.Load(null));
        ulong handle = engine.Handle;
        Assert.Same(engine, Engine.FromHandle(handle));
        engine.Dispose();
        engine.Dispose();
        Assert.Equal(ErrorCode.InvalidHandle, Assert.Throws<VoipException>(() => Engine.FromHandle(handle)).Code);
    }

    [Fact]
    public void ManyEnginesCreatedAndDisposedLeaveNoHandlesOrThreads()
    {
        using (new Engine(ConfigLoader.Load(null)))
        {
        }
        int handlesBefore = HandleRegistry.LiveCount;
        int threadsBefore = System.Diagnostics.Process.GetCurrentProcess().Threads.Count;
        for (int i = 0; i < 200; i++)
        {
            using var engine = new Engine(ConfigLoader.Load(null));
        }
        Assert.Equal(handlesBefore, HandleRegistry.LiveCount);
        Assert.InRange(System.Diagnostics.Process.GetCurrentProcess().Threads.Count, 0, threadsBefore + 4);
    }
}
