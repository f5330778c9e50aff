using VoipCore.Configuration;
using VoipCore.Events;
using VoipCore.Handles;
using VoipCore.Logging;
using VoipCore.Media;
using VoipCore.Messaging;
using VoipCore.Registration;
using VoipCore.Sessions;
using VoipCore.Sip;
using VoipCore.UserAgent;

namespace VoipCore;

/// <summary>
/// The root object: configuration, the dispatch thread, logging, the SIP stack with its
/// listeners, the registrar when enabled, and the accounts. Engines share nothing with each other.
/// </summary>
public sealed class Engine : IDisposable
{
    private static readonly TimeSpan UnregisterGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan HangupGrace = TimeSpan.FromSeconds(2);

    private readonly List<Account> _accounts = [];
    private readonly Lock _gate = new();
    private Registrar? _registrar;
    private int _disposed;
    private readonly ManualResetEventSlim _stopped = new();

    public EngineConfig Config { get; }
    public EventDispatcher Events { get; }
    public Logger Log { get; }
    public ulong Handle { get; }
    public SipStack Sip { get; }
    public OutOfDialogRequests Requests { get; }
    public MediaEngine Media { get; }
    public CallManager Calls { get; }
    /// <summary>The clock of every SIP and call timer (the media clocks keep real time); tests may drive it.</summary>
    public TimeProvider Time { get; }

    public Engine(EngineConfig config)
        : this(config, TimeProvider.System)
    {
    }

    internal Engine(EngineConfig config, TimeProvider time)
    {
        Time = time;
        Config = config;
        Events = new EventDispatcher(config.EventQueueCapacity, "voipcore-dispatch");
        Events.SetLogSink(StandardErrorLogSink.Instance);
        Log = new Logger(Events, ConfigLoader.ParseLogLevel(config.LogLevel));
        try
        {
            Sip = new SipStack(TransportSettings.Options(config.Sip), TransportSettings.Timers(config.Sip), Time, config.UserAgent,
                message => Log.Debug("sip", message));
            Requests = new OutOfDialogRequests(Sip, Events);
            Sip.Transactions.Transport.Trace = TraceSip;
            Sip.Handle(SipMethod.Options, new OptionsHandler(Sip));
            Sip.Handle(SipMethod.Message, new MessageHandler(Events));
            Media = new MediaEngine(config.Media, Events, Log);
            Calls = new CallManager(Sip, Events, Log, Media, config.Calls, Time, AccountFor);
            foreach (var listen in config.Sip.Listen)
            {
                Listen(listen);
            }
        }
        catch
        {
            Sip?.Dispose();
            Media?.Dispose();
            Events.Dispose();
            throw;
        }
        Handle = HandleRegistry.Add(HandleType.Engine, this);
        Events.Post(new EngineEvent(EventType.EngineStarted, DetailJson: $"{{\"version\":\"{LibraryVersion.Text}\"}}"));
        Log.Info("engine", $"libvoipcore {LibraryVersion.Text} engine started");
    }

    /// <summary>Every SIP message in and out, whole, at debug level in category "sip.wire" (nothing is built below it).</summary>
    private void TraceSip(bool sent, Transport.TransportAddress peer, ReadOnlyMemory<byte> message)
    {
        if (Log.IsEnabled(LogLevel.Debug))
        {
            Log.Debug("sip.wire", $"{(sent ? "sent to" : "received from")} {peer} ({message.Length} bytes):\n{System.Text.Encoding.UTF8.GetString(message.Span)}");
        }
    }

    public static Engine FromHandle(ulong handle) => HandleRegistry.Get<Engine>(handle, HandleType.Engine);

    /// <summary>Opens a listener ("udp:127.0.0.1:5060"; port 0 picks one) and returns the address bound, in the same form.</summary>
    public string Listen(string address)
    {
        var bound = Sip.Listen(ListenAddress.Parse(address));
        Log.Info("sip", $"listening on {bound}");
        return ListenAddress.Format(bound);
    }

    /// <summary>Turns the registrar on (or reconfigures it): REGISTER requests are then served here.</summary>
    public Registrar EnableRegistrar(RegistrarSettings settings)
    {
        var registrar = new Registrar(settings, Events, Time);
        Registrar? replaced;
        lock (_gate)
        {
            replaced = _registrar;
            _registrar = registrar;
        }
        Sip.Handle(SipMethod.Register, registrar);
        // Not waited for: a host may re-enable from the thread its credential lookups run on.
        _ = Task.Run(() => replaced?.Dispose());
        return registrar;
    }

    public Registrar Registrar
    {
        get
        {
            lock (_gate)
            {
                return _registrar ?? throw new VoipException(ErrorCode.InvalidState, "the registrar is not enabled (vc_registrar_enable)");
            }
        }
    }

    public Account CreateAccount(AccountSettings settings)
    {
        var account = new Account(this, settings, Sip, Requests, Events, Time);
        lock (_gate)
        {
            _accounts.Add(account);
        }
        return account;
    }

    /// <summary>The account an incoming request is for: the one whose user is the Request-URI's user (our Contact carries it).</summary>
    private Account? AccountFor(SipMessage request)
    {
        string? user = request.TryGetRequestUri(out var uri) ? uri.GetUser() : null;
        lock (_gate)
        {
            foreach (var account in _accounts)
            {
                if (string.Equals(account.Identity.User, user, StringComparison.Ordinal))
                {
                    return account;
                }
            }
            return null;
        }
    }

    public void DestroyAccount(Account account)
    {
        lock (_gate)
        {
            _accounts.Remove(account);
        }
        account.ReleaseHandle();
        _ = UnregisterThenDispose(account);
    }

    private static async Task UnregisterThenDispose(Account account)
    {
        try
        {
            await account.Registration.UnregisterAsync().WaitAsync(UnregisterGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        account.Dispose();
    }

    /// <summary>
    /// Un-registers every account (waiting a few seconds at most), then stops the stack and the
    /// dispatch thread. A second, concurrent caller waits for the first to finish, so neither
    /// returns while a callback may still run (unless it is that callback).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            if (!Events.IsDispatchThread)
            {
                _stopped.Wait();
            }
            return;
        }
        try
        {
            Stop();
        }
        finally
        {
            _stopped.Set();
        }
    }

    private void Stop()
    {
        HandleRegistry.Remove<Engine>(Handle, HandleType.Engine);
        Calls.HangupAll(HangupGrace);
        Account[] accounts;
        lock (_gate)
        {
            accounts = [.. _accounts];
            _accounts.Clear();
        }
        if (accounts.Length > 0)
        {
            Task.WaitAll(accounts.Select(UnregisterThenDispose).ToArray(), UnregisterGrace + TimeSpan.FromSeconds(1));
        }
        _registrar?.Dispose();
        Sip.Dispose();
        Media.Dispose();
        Log.Info("engine", "engine stopped");
        Events.Dispose();
    }
}
