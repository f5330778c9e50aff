using System.Text.Json;
using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Registration;
using VoipCore.Tests.Transport;
using static VoipCore.Tests.Registration.EngineEvents;

namespace VoipCore.Tests.Registration;

/// <summary>Two engines over real loopback sockets: one registrar, one account.</summary>
public class RegistrationFlowTests
{
    private static (Engine Server, string ServerAddress, Engine Client) Pair(string protocol, string? clientConfig = null)
    {
        var server = new Engine(ConfigLoader.Load(null));
        var client = new Engine(ConfigLoader.Load(clientConfig));
        string address = server.Listen($"{protocol}:127.0.0.1:0");
        client.Listen("udp:127.0.0.1:0");
        if (protocol != "udp")
        {
            client.Listen($"{protocol}:127.0.0.1:0");
        }
        server.EnableRegistrar(new RegistrarSettings { Realm = "test", Users = new() { ["alice"] = "secret" }, MinExpires = 1 });
        return (server, address, client);
    }

    private static string HostPort(string address) => address[(address.IndexOf(':') + 1)..];

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    [InlineData("ws")]
    public async Task AccountRegistersWithDigestAndUnregisters(string protocol)
    {
        var (server, address, client) = Pair(protocol);
        using (server)
        using (client)
        {
            var account = client.CreateAccount(new AccountSettings
            {
                Uri = $"sip:alice@{HostPort(address)}",
                Password = "secret",
                Transport = protocol,
                Expires = 120,
            });
            await account.Registration.RegisterAsync();
            WaitForRegistration(client, RegistrationState.Registering);
            var registered = WaitForRegistration(client, RegistrationState.Registered);
            Assert.Equal(200, registered.Value2);
            Assert.Equal("120", Field(registered, "expires"));

            var added = WaitFor(server, e => e.Type == EventType.RegistrarBinding);
            Assert.Equal("added", Field(added, "action"));
            Assert.Contains("alice@", Field(added, "contact"));
            var bindings = JsonDocument.Parse(server.Registrar.BindingsJson()).RootElement;
            Assert.Equal(1, bindings.GetArrayLength());
            Assert.Equal("alice", bindings[0].GetProperty("aor").GetString());

            await account.Registration.UnregisterAsync();
            WaitForRegistration(client, RegistrationState.Unregistered);
            Assert.Equal("removed", Field(WaitFor(server, e => e.Type == EventType.RegistrarBinding), "action"));
            Assert.Equal(0, JsonDocument.Parse(server.Registrar.BindingsJson()).RootElement.GetArrayLength());
        }
    }

    [Fact]
    public async Task TlsRegistrationWithCertificatesFromPemFiles()
    {
        using var pem = new TestCertificateFiles();
        using var server = new Engine(ConfigLoader.Load("{\"sip\":{\"tls\":{\"certificate\":\"" + pem.Certificate + "\",\"private_key\":\"" + pem.PrivateKey + "\"}}}"));
        using var trusting = new Engine(ConfigLoader.Load("{\"sip\":{\"tls\":{\"ca_file\":\"" + pem.Authority + "\"}}}"));
        using var untrusting = new Engine(ConfigLoader.Load(null));
        string address = server.Listen("tls:127.0.0.1:0");
        server.EnableRegistrar(new RegistrarSettings { Users = new() { ["alice"] = "secret" } });
        foreach (var client in new[] { trusting, untrusting })
        {
            client.Listen("udp:127.0.0.1:0");
            var account = client.CreateAccount(new AccountSettings { Uri = $"sip:alice@{HostPort(address)}", Password = "secret", Transport = "tls" });
            await account.Registration.RegisterAsync();
        }
        Assert.Equal(200, WaitForRegistration(trusting, RegistrationState.Registered).Value2);
        var refused = WaitForRegistration(untrusting, RegistrationState.Failed);
        Assert.Equal(503, refused.Value2);
    }

    [Fact]
    public async Task WrongPasswordFailsWith403AndRetriesLater()
    {
        var (server, address, client) = Pair("udp");
        using (server)
        using (client)
        {
            var account = client.CreateAccount(new AccountSettings { Uri = $"sip:alice@{HostPort(address)}", Password = "wrong" });
            await account.Registration.RegisterAsync();
            var failed = WaitForRegistration(client, RegistrationState.Failed);
            Assert.Equal(403, failed.Value2);
            Assert.Empty(JsonDocument.Parse(server.Registrar.BindingsJson()).RootElement.EnumerateArray());
        }
    }

    [Fact]
    public async Task ShortRegistrationIsRefreshedBeforeItExpires()
    {
        var (server, address, client) = Pair("udp");
        using (server)
        using (client)
        {
            var account = client.CreateAccount(new AccountSettings { Uri = $"sip:alice@{HostPort(address)}", Password = "secret", Expires = 2 });
            await account.Registration.RegisterAsync();
            WaitForRegistration(client, RegistrationState.Registered);
            WaitForRegistration(client, RegistrationState.Registering, 5000);
            WaitForRegistration(client, RegistrationState.Registered, 5000);
            Assert.Equal("refreshed", Field(WaitFor(server, e => e.Type == EventType.RegistrarBinding && Field(e, "action") == "refreshed"), "action"));
        }
    }

    [Fact]
    public void OptionsAndMessageReachTheOtherEngine()
    {
        var (server, address, client) = Pair("udp");
        using (server)
        using (client)
        {
            long options = client.Requests.Send("OPTIONS", $"sip:{HostPort(address)}", null, null, []);
            var result = WaitFor(client, e => e.Type == EventType.RequestResult && e.Value2 == options);
            Assert.Equal(200, result.Value);

            long message = client.Requests.Send("MESSAGE", $"sip:alice@{HostPort(address)}", null, "text/plain", "hello there"u8.ToArray());
            Assert.Equal(200, WaitFor(client, e => e.Type == EventType.RequestResult && e.Value2 == message).Value);
            var received = WaitFor(server, e => e.Type == EventType.MessageReceived);
            Assert.Equal("hello there", Field(received, "body"));
            Assert.Equal("text/plain", Field(received, "content_type"));
        }
    }

    [Fact]
    public void UnreachableTargetReportsATimeoutOrTransportError()
    {
        using var client = new Engine(ConfigLoader.Load("""{"sip":{"t1_ms":10}}"""));
        client.Listen("udp:127.0.0.1:0");
        long id = client.Requests.Send("OPTIONS", "sip:127.0.0.1:9;transport=tcp", null, null, []);
        var result = WaitFor(client, e => e.Type == EventType.RequestResult && e.Value2 == id);
        Assert.Equal(503, result.Value);
    }

    [Fact]
    public void KeepAliveOptionsAreSentPeriodicallyAndReportTheAnswer()
    {
        // A short T1 makes timer F (64*T1) end an unanswered ping in 3.2 s instead of 32.
        var (server, address, client) = Pair("udp", """{"sip":{"t1_ms":50}}""");
        using (server)
        using (client)
        {
            client.CreateAccount(new AccountSettings { Uri = $"sip:alice@{HostPort(address)}", Password = "secret", KeepAliveSeconds = 1 });
            var first = WaitFor(client, e => e.Type == EventType.KeepAlive, 5000);
            Assert.Equal(200, first.Value);
            Assert.Equal(200, WaitFor(client, e => e.Type == EventType.KeepAlive, 5000).Value);
            server.Dispose();
            // With the registrar gone, the next ping goes unanswered: timer F ends it with a local 408.
            var silent = WaitFor(client, e => e.Type == EventType.KeepAlive && e.Value != 200, 10000);
            Assert.Equal(408, silent.Value);
        }
    }

    [Fact]
    public async Task AccountRecoversWhenTheRegistrarForgetsItsNonces()
    {
        var (server, address, client) = Pair("udp");
        using (server)
        using (client)
        {
            var account = client.CreateAccount(new AccountSettings { Uri = $"sip:alice@{HostPort(address)}", Password = "secret" });
            await account.Registration.RegisterAsync();
            WaitForRegistration(client, RegistrationState.Registered);
            // A new registrar (as after a restart): its nonces are new, our cached challenge is unknown to it.
            server.EnableRegistrar(new RegistrarSettings { Realm = "test", Users = new() { ["alice"] = "secret" }, MinExpires = 1 });
            await account.Registration.RegisterAsync();
            Assert.Equal(200, WaitForRegistration(client, RegistrationState.Registered).Value2);
        }
    }

    [Fact]
    public void DestroyedAccountHandleIsStaleAtOnce()
    {
        var (server, address, client) = Pair("udp");
        using (server)
        using (client)
        {
            var account = client.CreateAccount(new AccountSettings { Uri = $"sip:alice@{HostPort(address)}", Password = "secret" });
            client.DestroyAccount(account);
            Assert.Equal(ErrorCode.InvalidHandle, Assert.Throws<VoipException>(() => Account.FromHandle(account.Handle)).Code);
        }
    }

    [Fact]
    public void NonSipTargetsAreRefusedAtOnce()
    {
        using var client = new Engine(ConfigLoader.Load(null));
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => client.Requests.Send("OPTIONS", "http://example.com", null, null, [])).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => client.Requests.Send("OPTIONS", "tel:+123", null, null, [])).Code);
    }

    [Fact]
    public void AStreamPortCannotBeBoundTwice()
    {
        using var first = new Engine(ConfigLoader.Load(null));
        using var second = new Engine(ConfigLoader.Load(null));
        string bound = first.Listen("tcp:127.0.0.1:0");
        Assert.Equal(ErrorCode.Io, Assert.Throws<VoipException>(() => second.Listen(bound)).Code);
        Assert.Equal(ErrorCode.Io, Assert.Throws<VoipException>(() => first.Listen(bound)).Code);
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("tcp")]
    public void OptionsReachAnEngineOverStreamTransportsWithoutAListenerOfOurOwn(string protocol)
    {
        using var server = new Engine(ConfigLoader.Load(null));
        using var client = new Engine(ConfigLoader.Load(null));
        string address = server.Listen($"{protocol}:127.0.0.1:0");
        long id = client.Requests.Send("OPTIONS", $"sip:{HostPort(address)};transport={protocol}", null, null, []);
        var result = WaitFor(client, e => e.Type == EventType.RequestResult && e.Value2 == id);
        Assert.True(result.Value == 200, result.DetailJson);
    }
}
