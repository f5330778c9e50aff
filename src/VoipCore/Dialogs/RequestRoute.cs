namespace VoipCore.Dialogs;

/// <summary>Where an in-dialog request goes: its Request-URI and its Route values, in order (RFC 3261 12.2.1.1).</summary>
/// <param name="RequestUri">The Request-URI.</param>
/// <param name="Route">The Route header values, first hop first; empty when the route set is empty.</param>
public sealed record RequestRoute(string RequestUri, IReadOnlyList<string> Route);
