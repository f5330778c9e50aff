'use strict';

const { LOG_LEVEL_NAMES } = require('./constants');
const { toEnumNumber } = require('./enum-names');

/** The level number for a level given by name ('debug' .. 'off') or number (passed as is). */
function toLogLevel(level) {
  return toEnumNumber(level, LOG_LEVEL_NAMES, 'log level');
}

/** Copies a log callback's arguments, which are valid only during the callback. */
function toLogRecord(level, category, message) {
  return { level, levelName: LOG_LEVEL_NAMES[level] ?? 'unknown', category, message };
}

module.exports = { toLogLevel, toLogRecord };
