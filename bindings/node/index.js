'use strict';

const { native } = require('./lib/library');
const { Engine } = require('./lib/engine');
const { VoipError } = require('./lib/voip-error');
const { ErrorCode, EventType, LogLevel } = require('./lib/constants');

/** The loaded libvoipcore's version, "MAJOR.MINOR.PATCH". */
function version() {
  return native.vc_version();
}

module.exports = { Engine, VoipError, ErrorCode, EventType, LogLevel, version };
