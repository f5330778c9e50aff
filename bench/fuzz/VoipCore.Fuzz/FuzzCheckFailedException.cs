namespace VoipCore.Fuzz;

/// <summary>A broken invariant: thrown so that the fuzzer records the input as a crash.</summary>
public sealed class FuzzCheckFailedException(string message) : Exception(message);
