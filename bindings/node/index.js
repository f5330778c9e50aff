'use strict';

const { native } = require('./lib/library');
const { Engine } = require('./lib/engine');
const { Account } = require('./lib/account');
const { Call } = require('./lib/call');
const { VoipError } = require('./lib/voip-error');
const {
  ErrorCode,
  EventType,
  LogLevel,
  RegistrationState,
  BindingAction,
  CallState,
  DtmfMethod,
  RecordMode,
} = require('./lib/constants');

/** The loaded libvoipcore's version, "MAJOR.MINOR.PATCH". */
function version() {
  return native.vc_version();
}

module.exports = {
  Engine,
  Account,
  Call,
  VoipError,
  ErrorCode,
  EventType,
  LogLevel,
  RegistrationState,
  BindingAction,
  CallState,
  DtmfMethod,
  RecordMode,
  version,
};
