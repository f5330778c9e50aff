using VoipCore.Configuration;

namespace VoipCore.Tests.Configuration;

public class ConfigLoaderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    public void EmptyConfigGivesEmbeddedDefaults(string? json)
    {
        var config = ConfigLoader.Load(json);
        Assert.Equal("warning", config.LogLevel);
        Assert.Equal("libvoipcore/" + LibraryVersion.Text, config.UserAgent);
        Assert.Equal(65536, config.EventQueueCapacity);
    }

    [Fact]
    public void OverridesReplaceOnlyTheKeysGiven()
    {
        var config = ConfigLoader.Load("""{"user_agent":"pbx/2","event_queue_capacity":128}""");
        Assert.Equal("pbx/2", config.UserAgent);
        Assert.Equal(128, config.EventQueueCapacity);
        Assert.Equal("warning", config.LogLevel);
    }

    [Theory]
    [InlineData("""{"no_such_key":1}""", "no_such_key")]
    [InlineData("""{"event_queue_capacity":"many"}""", "event_queue_capacity")]
    [InlineData("""{"event_queue_capacity":3}""", "event_queue_capacity")]
    [InlineData("""{"log_level":"loud"}""", "log_level")]
    [InlineData("""{"user_agent":null}""", "user_agent")]
    public void BadKeysAreRejectedByName(string json, string key)
    {
        var error = Assert.Throws<VoipException>(() => ConfigLoader.Load(json));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{\"user_agent\":\"a\",\"user_agent\":\"b\"}")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"log_level\":\"info\",}")]
    public void MalformedDocumentsAreRejected(string json)
    {
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => ConfigLoader.Load(json)).Code);
    }

    [Fact]
    public void EffectiveConfigRoundTrips()
    {
        var config = ConfigLoader.Load("""{"log_level":"debug"}""");
        var again = ConfigLoader.Load(ConfigLoader.ToJson(config));
        Assert.Equal("debug", again.LogLevel);
        Assert.Equal(config.UserAgent, again.UserAgent);
    }
}
