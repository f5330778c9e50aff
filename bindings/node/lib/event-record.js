'use strict';

const { EventType, EVENT_TYPE_NAMES, REGISTRATION_STATE_NAMES, CALL_STATE_NAMES } = require('./constants');
const { toCallStats } = require('./call-stats');

/**
 * Copies a decoded vc_event_t into a plain object. Call it while the native event is still
 * valid (inside the callback, or on the polling thread before it polls again): detail_json
 * lives no longer than that. The record is plain data, so it can cross threads.
 *
 * koffi returns 64-bit integers as numbers when they are exact and as BigInt otherwise;
 * handles are normalised to BigInt because they are opaque 64-bit values, value and value2
 * keep koffi's choice so status codes and counts stay plain numbers.
 *
 * Events of the SIP and call types also carry their value, value2 and detail under readable names.
 */
function toEventRecord(nativeEvent) {
  const record = {
    type: nativeEvent.type,
    typeName: EVENT_TYPE_NAMES[nativeEvent.type] ?? 'unknown',
    sequence: Number(nativeEvent.sequence),
    handle: BigInt(nativeEvent.handle),
    related: BigInt(nativeEvent.related),
    value: nativeEvent.value,
    value2: nativeEvent.value2,
    detail: nativeEvent.detail_json == null ? null : JSON.parse(nativeEvent.detail_json),
  };
  return Object.assign(record, typedFields(record, nativeEvent.detail_json));
}

function typedFields({ type, value, value2, detail }, detailText) {
  const details = detail ?? {};
  switch (type) {
    case EventType.REGISTRATION_STATE:
      return {
        state: value,
        stateName: details.state ?? REGISTRATION_STATE_NAMES[value] ?? 'unknown',
        code: value2,
        reason: details.reason ?? '',
        expires: details.expires ?? 0,
        aor: details.aor ?? null,
        contact: details.contact ?? null,
      };
    case EventType.REGISTRAR_BINDING:
      return {
        action: value,
        actionName: details.action ?? 'unknown',
        aor: details.aor ?? null,
        contact: details.contact ?? null,
        expires: details.expires ?? 0,
        source: details.source ?? null,
      };
    case EventType.REQUEST_RESULT:
      return {
        requestId: toRequestId(value2),
        code: value,
        method: details.method ?? null,
        uri: details.uri ?? null,
        reason: details.reason ?? '',
      };
    case EventType.MESSAGE_RECEIVED:
      return {
        from: details.from ?? null,
        to: details.to ?? null,
        contentType: details.content_type ?? null,
        body: details.body ?? '',
        source: details.source ?? null,
      };
    case EventType.KEEPALIVE:
      return {
        code: value,
        method: details.method ?? null,
        uri: details.uri ?? null,
        reason: details.reason ?? '',
      };
    case EventType.CALL_INCOMING:
      return {
        from: details.from ?? null,
        to: details.to ?? null,
        callId: details.call_id ?? null,
        source: details.source ?? null,
        codec: details.codec ?? null,
        replaces: handleField(details, 'replaces'),
      };
    case EventType.CALL_STATE:
      return {
        state: value,
        stateName: details.state ?? CALL_STATE_NAMES[value] ?? 'unknown',
        previous: value2,
        previousName: details.previous ?? CALL_STATE_NAMES[value2] ?? 'unknown',
        direction: details.direction ?? null,
        code: details.code ?? 0,
        reason: details.reason ?? '',
        remoteHold: details.remote_hold ?? false,
        durationS: details.duration_s ?? 0,
        stats: details.stats ? toCallStats(details.stats) : null,
      };
    case EventType.CALL_TRANSFER:
      return {
        role: details.role ?? null,
        code: details.code ?? 0,
        reason: details.reason ?? '',
        newCall: handleField(details, 'new_call'),
      };
    case EventType.CALL_DTMF:
      return {
        digit: details.digit ?? String.fromCharCode(Number(value)),
        method: details.method ?? null,
        durationMs: details.duration_ms ?? value2,
      };
    case EventType.CALL_QUALITY:
      // value is MOS x 100 as an integer; the detail has it unrounded.
      return { mos: details.mos ?? Number(value) / 100, stats: detail ? toCallStats(detail) : null };
    case EventType.CALL_QUALITY_WARNING:
      return {
        reason: details.reason ?? null,
        measured: details.value ?? null,
        threshold: details.threshold ?? null,
        stats: details.stats ? toCallStats(details.stats) : null,
      };
    case EventType.CALL_RTP_TIMEOUT:
      return { silenceS: value };
    default:
      return {};
  }
}

/**
 * A handle in detail JSON, as a BigInt (0n if absent). Read from the text: handles use all 64
 * bits, and JSON.parse would round those above 2^53 to the nearest double.
 */
/** A handle the detail JSON carries as a decimal string (64-bit handles do not fit a JSON number); 0n if none. */
function handleField(details, name) {
  const value = details[name];
  return typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : 0n;
}

/** A request id as returned by sendOptions()/sendMessage() and carried by 'requestResult'. */
function toRequestId(id) {
  return typeof id === 'bigint' && id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : id;
}

module.exports = { toEventRecord, toRequestId };
