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
});

// The event types whose handle is an account: an Account re-emits them.
const ACCOUNT_EVENT_TYPES = Object.freeze([EventType.REGISTRATION_STATE, EventType.REQUEST_RESULT, EventType.KEEPALIVE]);

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

/**
 * vc_binding_action_t. voipcore.h uses this type (VC_EVENT_REGISTRAR_BINDING's value) without
 * defining it; ADDED = 0 and REMOVED = 2 are what the library sends, REFRESHED and EXPIRED follow
 * the order of the header's comment. An event's actionName (its detail's "action") is authoritative.
 */
const BindingAction = Object.freeze({
  ADDED: 0,
  REFRESHED: 1,
  REMOVED: 2,
  EXPIRED: 3,
});

module.exports = {
  ErrorCode,
  EventType,
  EVENT_TYPE_NAMES,
  ACCOUNT_EVENT_TYPES,
  LogLevel,
  LOG_LEVEL_NAMES,
  RegistrationState,
  REGISTRATION_STATE_NAMES,
  BindingAction,
};
