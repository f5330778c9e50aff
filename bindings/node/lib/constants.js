'use strict';

// The enums of include/voipcore.h. Keep in step with the header.

const ErrorCode = Object.freeze({
  OK: 0,
  INVALID_ARG: -1,
  INVALID_HANDLE: -2,
  INVALID_STATE: -3,
  NOT_FOUND: -4,
  TIMEOUT: -5,
  IO: -6,
  UNSUPPORTED: -7,
  SHUTDOWN: -8,
  INTERNAL: -9,
});

const EventType = Object.freeze({
  NONE: 0,
  ENGINE_STARTED: 1,
  USER: 2,
  EVENTS_DROPPED: 3,
  REGISTRATION_STATE: 10,
  REGISTRAR_BINDING: 11,
  REQUEST_RESULT: 12,
  MESSAGE_RECEIVED: 13,
  KEEPALIVE: 14,
  CALL_INCOMING: 20,
  CALL_STATE: 21,
  CALL_DTMF: 22,
  CALL_QUALITY: 23,
  CALL_QUALITY_WARNING: 24,
  CALL_RTP_TIMEOUT: 25,
  CALL_MEDIA_ENDED: 26,
  CALL_TRANSFER: 27,
});

// The name an event is emitted under, besides 'event'.
const EVENT_TYPE_NAMES = Object.freeze({
  [EventType.ENGINE_STARTED]: 'engineStarted',
  [EventType.USER]: 'user',
  [EventType.EVENTS_DROPPED]: 'eventsDropped',
  [EventType.REGISTRATION_STATE]: 'registrationState',
  [EventType.REGISTRAR_BINDING]: 'registrarBinding',
  [EventType.REQUEST_RESULT]: 'requestResult',
  [EventType.MESSAGE_RECEIVED]: 'messageReceived',
  [EventType.KEEPALIVE]: 'keepalive',
  [EventType.CALL_INCOMING]: 'callIncoming',
  [EventType.CALL_STATE]: 'callState',
  [EventType.CALL_DTMF]: 'callDtmf',
  [EventType.CALL_QUALITY]: 'callQuality',
  [EventType.CALL_QUALITY_WARNING]: 'callQualityWarning',
  [EventType.CALL_RTP_TIMEOUT]: 'callRtpTimeout',
  [EventType.CALL_MEDIA_ENDED]: 'callMediaEnded',
  [EventType.CALL_TRANSFER]: 'callTransfer',
});

// The event types whose handle is an account: an Account re-emits them.
const ACCOUNT_EVENT_TYPES = Object.freeze([EventType.REGISTRATION_STATE, EventType.REQUEST_RESULT, EventType.KEEPALIVE]);

// The event types whose handle is a call: they carry its Call, which re-emits them.
const CALL_EVENT_TYPES = Object.freeze([
  EventType.CALL_INCOMING,
  EventType.CALL_STATE,
  EventType.CALL_DTMF,
  EventType.CALL_QUALITY,
  EventType.CALL_QUALITY_WARNING,
  EventType.CALL_RTP_TIMEOUT,
  EventType.CALL_MEDIA_ENDED,
  EventType.CALL_TRANSFER,
]);

const LogLevel = Object.freeze({
  DEBUG: 0,
  INFO: 1,
  WARNING: 2,
  ERROR: 3,
  OFF: 4,
});

const LOG_LEVEL_NAMES = Object.freeze(['debug', 'info', 'warning', 'error', 'off']);

/** vc_registration_state_t. */
const RegistrationState = Object.freeze({
  IDLE: 0,
  REGISTERING: 1,
  REGISTERED: 2,
  UNREGISTERING: 3,
  UNREGISTERED: 4,
  FAILED: 5,
});

const REGISTRATION_STATE_NAMES = Object.freeze(['idle', 'registering', 'registered', 'unregistering', 'unregistered', 'failed']);

/** vc_binding_action_t, the value of VC_EVENT_REGISTRAR_BINDING. */
const BindingAction = Object.freeze({
  ADDED: 0,
  REFRESHED: 1,
  REMOVED: 2,
  EXPIRED: 3,
});

/** vc_call_state_t. */
const CallState = Object.freeze({
  INITIALIZING: 0,
  DIALING: 1,
  RINGING: 2,
  CONNECTED: 3,
  ON_HOLD: 4,
  TRANSFERRING: 5,
  TERMINATING: 6,
  TERMINATED: 7,
});

// As the library names them in a VC_EVENT_CALL_STATE detail.
const CALL_STATE_NAMES = Object.freeze([
  'initializing',
  'dialing',
  'ringing',
  'connected',
  'on_hold',
  'transferring',
  'terminating',
  'terminated',
]);

/** vc_dtmf_method_t: how sendDtmf() sends digits. */
const DtmfMethod = Object.freeze({
  AUTO: 0,
  RFC4733: 1,
  INFO: 2,
});

const DTMF_METHOD_NAMES = Object.freeze(['auto', 'rfc4733', 'info']);

/** vc_record_mode_t: what record() writes. */
const RecordMode = Object.freeze({
  RECEIVED: 0,
  SENT: 1,
  MIXED: 2,
  STEREO: 3,
});

const RECORD_MODE_NAMES = Object.freeze(['received', 'sent', 'mixed', 'stereo']);

module.exports = {
  ErrorCode,
  EventType,
  EVENT_TYPE_NAMES,
  ACCOUNT_EVENT_TYPES,
  CALL_EVENT_TYPES,
  LogLevel,
  LOG_LEVEL_NAMES,
  RegistrationState,
  REGISTRATION_STATE_NAMES,
  BindingAction,
  CallState,
  CALL_STATE_NAMES,
  DtmfMethod,
  DTMF_METHOD_NAMES,
  RecordMode,
  RECORD_MODE_NAMES,
};
