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
});

// The name an event is emitted under, besides 'event'.
const EVENT_TYPE_NAMES = Object.freeze({
  [EventType.ENGINE_STARTED]: 'engineStarted',
  [EventType.USER]: 'user',
  [EventType.EVENTS_DROPPED]: 'eventsDropped',
});

const LogLevel = Object.freeze({
  DEBUG: 0,
  INFO: 1,
  WARNING: 2,
  ERROR: 3,
  OFF: 4,
});

const LOG_LEVEL_NAMES = Object.freeze(['debug', 'info', 'warning', 'error', 'off']);

module.exports = { ErrorCode, EventType, EVENT_TYPE_NAMES, LogLevel, LOG_LEVEL_NAMES };
