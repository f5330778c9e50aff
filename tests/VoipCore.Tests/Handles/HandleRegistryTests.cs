using VoipCore.Handles;

namespace VoipCore.Tests.Handles;

public class HandleRegistryTests
{
    private sealed class Target;

    [Fact]
    public void AddedHandleResolvesToItsObject()
    {
        var target = new Target();
        ulong handle = HandleRegistry.Add(HandleType.Engine, target);
        try
        {
            Assert.NotEqual(0ul, handle);
            Assert.Same(target, HandleRegistry.Get<Target>(handle, HandleType.Engine));
        }
        finally
        {
            HandleRegistry.Remove<Target>(handle, HandleType.Engine);
        }
    }

    [Fact]
    public void RemovedHandleIsStaleEvenAfterItsSlotIsReused()
    {
        ulong first = HandleRegistry.Add(HandleType.Engine, new Target());
        HandleRegistry.Remove<Target>(first, HandleType.Engine);
        var next = new Target();
        ulong second = HandleRegistry.Add(HandleType.Engine, next);
        try
        {
            Assert.NotEqual(first, second);
            Assert.False(HandleRegistry.TryGet<Target>(first, HandleType.Engine, out _));
            var error = Assert.Throws<VoipException>(() => HandleRegistry.Get<Target>(first, HandleType.Engine));
            Assert.Equal(ErrorCode.InvalidHandle, error.Code);
            Assert.Contains("stale", error.Message);
            Assert.Null(HandleRegistry.Remove<Target>(first, HandleType.Engine));
            Assert.Same(next, HandleRegistry.Get<Target>(second, HandleType.Engine));
        }
        finally
        {
            HandleRegistry.Remove<Target>(second, HandleType.Engine);
        }
    }

    [Theory]
    [InlineData(0ul)]
    [InlineData(0x0200000100000000ul)]
    [InlineData(0x01000000_00000000ul)]
    [InlineData(0x01000001_7fffffffUL)]
    [InlineData(ulong.MaxValue)]
    public void ZeroForgedAndWrongTypeHandlesAreRejected(ulong handle)
    {
        Assert.False(HandleRegistry.TryGet<Target>(handle, HandleType.Engine, out _));
        Assert.Equal(ErrorCode.InvalidHandle, Assert.Throws<VoipException>(() => HandleRegistry.Get<Target>(handle, HandleType.Engine)).Code);
    }

    [Fact]
    public void HandleOfAnotherClrTypeIsRejected()
    {
        ulong handle = HandleRegistry.Add(HandleType.Engine, new Target());
        try
        {
            Assert.False(HandleRegistry.TryGet<string>(handle, HandleType.Engine, out _));
        }
        finally
        {
            HandleRegistry.Remove<Target>(handle, HandleType.Engine);
        }
    }

    [Fact]
    public void ConcurrentAddAndRemoveNeverHandOutTheSameLiveHandleTwice()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<ulong, byte>();
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 2000; i++)
            {
                var target = new Target();
                ulong handle = HandleRegistry.Add(HandleType.Engine, target);
                Assert.True(seen.TryAdd(handle, 0), "a live handle was handed out twice");
                Assert.Same(target, HandleRegistry.Get<Target>(handle, HandleType.Engine));
                Assert.True(seen.TryRemove(handle, out byte _));
                Assert.Same(target, HandleRegistry.Remove<Target>(handle, HandleType.Engine));
            }
        });
    }
}
