'use strict';

/**
 * The number of an enum value given by name (names[number] is its name) or as a number, passed
 * as is so the library checks its range and names it in its message.
 */
function toEnumNumber(value, names, what) {
  if (typeof value === 'number') {
    return value;
  }
  const index = names.indexOf(value);
  if (index < 0) {
    throw new RangeError(
      `voipcore: unknown ${what} ${JSON.stringify(value)}; expected one of ${names.join(', ')} or 0..${names.length - 1}`,
    );
  }
  return index;
}

module.exports = { toEnumNumber };
