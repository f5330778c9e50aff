namespace VoipCore.Registration;

/// <summary>Registration states; the numbers are the value of VC_EVENT_REGISTRATION_STATE.</summary>
public enum RegistrationState
{
    Idle = 0,
    Registering = 1,
    Registered = 2,
    Unregistering = 3,
    Unregistered = 4,
    Failed = 5,
}
