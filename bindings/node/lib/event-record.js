'use strict';

const { EVENT_TYPE_NAMES } = require('./constants');

/**
 * Copies a decoded vc_event_t into a plain object. Call it while the native event is still
 * valid (inside the callback, or on the polling thread before it polls again): detail_json
 * lives no longer than that.
 *
 * koffi returns 64-bit integers as numbers when they are exact and as BigInt otherwise;
 * handles are normalised to BigInt because they are opaque 64-bit values, value and value2
 * keep koffi's choice so status codes and counts stay plain numbers.
 */
function toEventRecord(nativeEvent) {
  return {
    type: nativeEvent.type,
    typeName: EVENT_TYPE_NAMES[nativeEvent.type] ?? 'unknown',
    sequence: Number(nativeEvent.sequence),
    handle: BigInt(nativeEvent.handle),
    related: BigInt(nativeEvent.related),
    value: nativeEvent.value,
    value2: nativeEvent.value2,
    detail: nativeEvent.detail_json == null ? null : JSON.parse(nativeEvent.detail_json),
  };
}

module.exports = { toEventRecord };
