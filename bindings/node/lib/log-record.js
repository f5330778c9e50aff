'use strict';

const { LOG_LEVEL_NAMES } = require('./constants');

/** The level number for a level given by name ('debug' .. 'off') or number (passed as is). */
function toLogLevel(level) {
  if (typeof level === 'number') {
    return level;
  }
  const index = LOG_LEVEL_NAMES.indexOf(level);
  if (index < 0) {
    throw new RangeError(`voipcore: unknown log level ${JSON.stringify(level)}; expected one of ${LOG_LEVEL_NAMES.join(', ')} or 0..4`);
  }
  return index;
}

/** Copies a log callback's arguments, which are valid only during the callback. */
function toLogRecord(level, category, message) {
  return { level, levelName: LOG_LEVEL_NAMES[level] ?? 'unknown', category, message };
}

module.exports = { toLogLevel, toLogRecord };
