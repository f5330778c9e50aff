using System.Text.Json;
using VoipCore.Events;

namespace VoipCore.Tests.Registration;

/// <summary>Pulls events of an engine until one matches, with a deadline.</summary>
internal static class EngineEvents
{
    public static EngineEvent WaitFor(Engine engine, Func<EngineEvent, bool> match, int timeoutMs = 10000)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        var seen = new List<string>();
        while (Environment.TickCount64 < deadline)
        {
            var next = engine.Events.Poll((int)Math.Max(1, deadline - Environment.TickCount64));
            if (next == null)
            {
                break;
            }
            if (match(next))
            {
                return next;
            }
            seen.Add($"{next.Type}:{next.Value}:{next.DetailJson}");
        }
        throw new TimeoutException("event not seen; saw: " + string.Join(" | ", seen));
    }

    public static EngineEvent WaitForRegistration(Engine engine, global::VoipCore.Registration.RegistrationState state, int timeoutMs = 10000) =>
        WaitFor(engine, e => e.Type == EventType.RegistrationState && e.Value == (long)state, timeoutMs);

    public static string Field(EngineEvent e, string name) =>
        JsonDocument.Parse(e.DetailJson!).RootElement.GetProperty(name).ToString();
}
