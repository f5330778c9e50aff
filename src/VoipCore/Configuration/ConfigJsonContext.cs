using System.Text.Json.Serialization;

namespace VoipCore.Configuration;

/// <summary>Source-generated JSON for the configuration: strict (unknown keys and nulls are errors), no reflection.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    WriteIndented = false)]
[JsonSerializable(typeof(EngineConfig))]
[JsonSerializable(typeof(Registration.AccountSettings))]
[JsonSerializable(typeof(Registration.RegistrarSettings))]
[JsonSerializable(typeof(Sessions.CallOptions))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
