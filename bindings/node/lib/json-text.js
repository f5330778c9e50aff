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

module.exports = { toJsonText };
