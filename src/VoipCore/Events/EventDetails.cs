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

/// <summary>detail_json of VC_EVENT_CALL_INCOMING.</summary>
public sealed record CallIncomingDetail(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("codec")] string? Codec,
    [property: JsonPropertyName("replaces")] string? Replaces);

/// <summary>detail_json of VC_EVENT_CALL_STATE; the final report rides on the move to terminated.</summary>
public sealed record CallStateDetail(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("previous")] string Previous,
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("remote_hold")] bool RemoteHold,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    [property: JsonPropertyName("stats")] Sessions.MediaStatistics? Stats);

/// <summary>detail_json of VC_EVENT_CALL_DTMF.</summary>
public sealed record DtmfDetail(
    [property: JsonPropertyName("digit")] string Digit,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("duration_ms")] int DurationMs);

/// <summary>detail_json of VC_EVENT_CALL_QUALITY_WARNING.</summary>
public sealed record QualityWarningDetail(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("stats")] Sessions.MediaStatistics Stats);

/// <summary>detail_json of VC_EVENT_CALL_TRANSFER.</summary>
public sealed record TransferDetail(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("new_call")] string? NewCall);

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(RegistrationDetail))]
[JsonSerializable(typeof(BindingDetail))]
[JsonSerializable(typeof(RequestResultDetail))]
[JsonSerializable(typeof(MessageDetail))]
[JsonSerializable(typeof(List<BindingEntry>))]
[JsonSerializable(typeof(CallIncomingDetail))]
[JsonSerializable(typeof(CallStateDetail))]
[JsonSerializable(typeof(DtmfDetail))]
[JsonSerializable(typeof(QualityWarningDetail))]
[JsonSerializable(typeof(Sessions.MediaStatistics))]
[JsonSerializable(typeof(TransferDetail))]
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
    public static string Of(CallIncomingDetail detail) => JsonSerializer.Serialize(detail, Context.CallIncomingDetail);
    public static string Of(CallStateDetail detail) => JsonSerializer.Serialize(detail, Context.CallStateDetail);
    public static string Of(DtmfDetail detail) => JsonSerializer.Serialize(detail, Context.DtmfDetail);
    public static string Of(QualityWarningDetail detail) => JsonSerializer.Serialize(detail, Context.QualityWarningDetail);
    public static string Of(TransferDetail detail) => JsonSerializer.Serialize(detail, Context.TransferDetail);
    public static string Of(Sessions.MediaStatistics stats) => JsonSerializer.Serialize(stats, Context.MediaStatistics);
    public static string Of(List<BindingEntry> bindings) => JsonSerializer.Serialize(bindings, Context.ListBindingEntry);
}
