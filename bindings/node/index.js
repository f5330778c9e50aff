'use strict';

const { native } = require('./lib/library');
const { Engine } = require('./lib/engine');
const { Account } = require('./lib/account');
const { VoipError } = require('./lib/voip-error');
const { ErrorCode, EventType, LogLevel, RegistrationState, BindingAction } = require('./lib/constants');

/** The loaded libvoipcore's version, "MAJOR.MINOR.PATCH". */
function version() {
  return native.vc_version();
}

module.exports = { Engine, Account, VoipError, ErrorCode, EventType, LogLevel, RegistrationState, BindingAction, version };
