namespace VoipCore.Registration;

public enum BindingAction
{
    Added,
    Refreshed,
    Removed,
    Expired,
}

/// <summary>What a REGISTER (or the passing of time) did to one binding.</summary>
public sealed record BindingChange(BindingAction Action, ContactBinding Binding);
