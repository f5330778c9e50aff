using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoipCore.Events;

/// <summary>detail_json of VC_EVENT_REGISTRATION_STATE.</summary>
public sealed record RegistrationDetail(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("expires")] int Expires,
    [property: JsonPropertyName("aor")] string Aor,
    [property: JsonPropertyName("contact")] string? Contact);

/// <summary>detail_json of VC_EVENT_REGISTRAR_BINDING.</summary>
public sealed record BindingDetail(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("aor")] string Aor,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("expires")] int Expires,
    [property: JsonPropertyName("source")] string Source);

/// <summary>detail_json of VC_EVENT_REQUEST_RESULT (OPTIONS and MESSAGE sent by the host).</summary>
public sealed record RequestResultDetail(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>detail_json of VC_EVENT_MESSAGE_RECEIVED.</summary>
public sealed record MessageDetail(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("source")] string Source);

/// <summary>One binding in the JSON of vc_registrar_list_bindings.</summary>
public sealed record BindingEntry(
    [property: JsonPropertyName("aor")] string Aor,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("expires")] int Expires,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("cseq")] uint CSeq);

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(RegistrationDetail))]
[JsonSerializable(typeof(BindingDetail))]
[JsonSerializable(typeof(RequestResultDetail))]
[JsonSerializable(typeof(MessageDetail))]
[JsonSerializable(typeof(List<BindingEntry>))]
internal sealed partial class EventJsonContext : JsonSerializerContext;

/// <summary>Serializes event details with the source-generated context (no reflection).</summary>
public static class EventJson
{
    // Hosts read these strings; SIP is full of '<' and '>' that the default encoder turns into \u003C.
    private static readonly EventJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Of(RegistrationDetail detail) => JsonSerializer.Serialize(detail, Context.RegistrationDetail);
    public static string Of(BindingDetail detail) => JsonSerializer.Serialize(detail, Context.BindingDetail);
    public static string Of(RequestResultDetail detail) => JsonSerializer.Serialize(detail, Context.RequestResultDetail);
    public static string Of(MessageDetail detail) => JsonSerializer.Serialize(detail, Context.MessageDetail);
    public static string Of(List<BindingEntry> bindings) => JsonSerializer.Serialize(bindings, Context.ListBindingEntry);
}
