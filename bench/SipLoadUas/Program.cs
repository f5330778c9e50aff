using VoipCore;
using VoipCore.Bench.SipLoad;
using VoipCore.Configuration;
using VoipCore.Sip;
using VoipCore.UserAgent;

// usage: SipLoadUas PORT SECONDS — answers calls on udp:127.0.0.1:PORT, then prints its counters as JSON.
int port = int.Parse(args[0]);
int seconds = int.Parse(args[1]);
using var engine = new Engine(ConfigLoader.Load(null));
string bound = engine.Listen($"udp:127.0.0.1:{port}");
var uas = new AutoAnswer(engine.Sip, $"sip:uas@127.0.0.1:{port}");
engine.Sip.Handle(SipMethod.Invite, uas);
engine.Sip.Handle(SipMethod.Bye, uas);
Console.Error.WriteLine($"SipLoadUas listening on {bound} for {seconds} s");
var cpu = System.Diagnostics.Process.GetCurrentProcess();
Thread.Sleep(TimeSpan.FromSeconds(seconds));
cpu.Refresh();
var stats = engine.Sip.Transactions.Statistics;
Console.WriteLine($$"""{"answered":{{uas.Answered}},"ended":{{uas.Ended}},"unknown_bye":{{uas.UnknownBye}},"live_dialogs":{{uas.LiveDialogs}},"received":{{stats.Received}},"retransmissions_absorbed":{{stats.RetransmissionsAbsorbed}},"cpu_seconds":{{cpu.TotalProcessorTime.TotalSeconds:F2}},"peak_rss_mb":{{cpu.PeakWorkingSet64 / 1048576}}}""");
