using SharpFuzz;
using VoipCore.Fuzz;

// VoipCore.Fuzz <sip|sdp>                  run under afl-fuzz (SharpFuzz forkserver; VoipCore.dll instrumented)
// VoipCore.Fuzz <sip|sdp> replay <file>... run the same checks on files, e.g. to triage a crash
if (args.Length < 1 || args[0] is not ("sip" or "sdp"))
{
    Console.Error.WriteLine("usage: VoipCore.Fuzz <sip|sdp> [replay <file>...]");
    return 2;
}
Action<ReadOnlySpan<byte>> check = args[0] == "sip" ? SipFuzzTarget.Check : SdpFuzzTarget.Check;

if (args.Length > 1 && args[1] == "replay")
{
    foreach (string file in args[2..])
    {
        check(File.ReadAllBytes(file));
        Console.WriteLine($"ok {file}");
    }
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    check(copy.GetBuffer().AsSpan(0, (int)copy.Length));
});
return 0;
