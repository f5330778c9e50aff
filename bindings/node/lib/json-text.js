'use strict';

/**
 * The JSON text handed to the library for an optional JSON object argument: null stays null
 * (the library's "none"), a string is taken as JSON already, an object is serialised.
 * The library validates the text itself, so its error names the offending key.
 */
function toJsonText(value, argumentName) {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    return JSON.stringify(value);
  }
  throw new TypeError(`voipcore: ${argumentName} must be an object, a JSON string or undefined`);
}

/**
 * As toJsonText, for configurations given with JavaScript names: the object's own keys are
 * written in the library's snake_case (keepaliveS -> keepalive_s, minExpires -> min_expires);
 * snake_case keys pass unchanged, nested objects (such as a registrar's users) are left alone,
 * and undefined values are left out.
 */
function toConfigText(value, argumentName) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), entry]);
    return JSON.stringify(Object.fromEntries(entries));
  }
  return toJsonText(value, argumentName);
}

module.exports = { toJsonText, toConfigText };
