namespace VoipCore.Events;

/// <summary>Where the dispatch thread hands events: the C ABI callback, or a test.</summary>
public interface IEventSink
{
    void Deliver(EngineEvent engineEvent);
}
