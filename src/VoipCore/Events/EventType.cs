namespace VoipCore.Events;

/// <summary>Event types; the numbers are vc_event_type_t in include/voipcore.h.</summary>
public enum EventType
{
    None = 0,
    EngineStarted = 1,
    User = 2,
    EventsDropped = 3,
    RegistrationState = 10,
    RegistrarBinding = 11,
    RequestResult = 12,
    MessageReceived = 13,
    KeepAlive = 14,
    CallIncoming = 20,
    CallState = 21,
    CallDtmf = 22,
    CallQuality = 23,
    CallQualityWarning = 24,
    CallRtpTimeout = 25,
    CallMediaEnded = 26,
    CallTransfer = 27,
}
