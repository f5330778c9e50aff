namespace VoipCore.Registration;

/// <summary>One Contact of a REGISTER as the registrar needs it: the URI and the expiry asked for (null: none given).</summary>
public readonly record struct ContactUpdate(string ContactUri, int? Expires);
