import { EventEmitter } from 'node:events';

/** vc_error_t: the codes a failed vc_ call returns. */
export declare const ErrorCode: Readonly<{
  OK: 0;
  INVALID_ARG: -1;
  INVALID_HANDLE: -2;
  INVALID_STATE: -3;
  NOT_FOUND: -4;
  TIMEOUT: -5;
  IO: -6;
  UNSUPPORTED: -7;
  SHUTDOWN: -8;
  INTERNAL: -9;
}>;

/** vc_event_type_t. */
export declare const EventType: Readonly<{
  NONE: 0;
  ENGINE_STARTED: 1;
  USER: 2;
  EVENTS_DROPPED: 3;
}>;

/** vc_log_level_t. */
export declare const LogLevel: Readonly<{
  DEBUG: 0;
  INFO: 1;
  WARNING: 2;
  ERROR: 3;
  OFF: 4;
}>;

export type LogLevelName = 'debug' | 'info' | 'warning' | 'error' | 'off';

/** The event names besides 'event'; 'unknown' for a type this binding does not know yet. */
export type EventTypeName = 'engineStarted' | 'user' | 'eventsDropped' | 'unknown';

/** A failed vc_ call. */
export declare class VoipError extends Error {
  readonly name: 'VoipError';
  /** The vc_error_t code, e.g. -2. */
  readonly code: number;
  /** Its constant name from vc_strerror(), e.g. 'VC_E_INVALID_HANDLE'. */
  readonly codeName: string;
  /** "<codeName>: <vc_last_error() message>". */
  readonly message: string;
}

/** The engine configuration; every key is optional when creating an engine. */
export interface EngineConfig {
  log_level?: LogLevelName;
  user_agent?: string;
  /** 16..1048576: polled events kept before the oldest are dropped. */
  event_queue_capacity?: number;
}

/** A copy of a vc_event_t; fields that do not apply to its type are 0 / null. */
export interface VoipEvent {
  type: number;
  typeName: EventTypeName;
  /** 1, 2, 3, ... per engine, in delivery order. */
  sequence: number;
  /** The object concerned (account, call, ...), 0n if none. */
  handle: bigint;
  /** A second object, 0n if none. */
  related: bigint;
  /** A number when it is a safe integer, otherwise a bigint. */
  value: number | bigint;
  /** A number when it is a safe integer, otherwise a bigint. */
  value2: number | bigint;
  /** The parsed detail_json object, or null. */
  detail: Record<string, unknown> | null;
}

export interface LogRecord {
  level: number;
  levelName: LogLevelName | 'unknown';
  /** The layer: "engine", "sip", "media", ... */
  category: string;
  message: string;
}

export interface EngineEvents {
  event: [event: VoipEvent];
  engineStarted: [event: VoipEvent];
  user: [event: VoipEvent];
  eventsDropped: [event: VoipEvent];
  log: [record: LogRecord];
}

/**
 * A libvoipcore engine.
 *
 * Events reach either the listeners or pollEvent(), never both: while a listener for 'event'
 * or an event type name is attached, events are emitted; otherwise they queue for pollEvent().
 *
 * An engine does not keep the event loop alive. When the loop drains, engines still open are
 * closed; on process.exit() they are only quieted (callbacks removed, blocked polls woken).
 */
export declare class Engine extends EventEmitter {
  /**
   * Creates an engine (synchronously); its first event is 'engineStarted'.
   * @param config overrides of the defaults, as an object or JSON text.
   * @throws VoipError VC_E_INVALID_ARG naming the key of a bad config.
   */
  constructor(config?: EngineConfig | string);

  /** The engine's opaque 64-bit handle. */
  readonly handle: bigint;

  /** The effective configuration: the defaults merged with the overrides. */
  readonly config: Required<EngineConfig>;

  /** Queues a 'user' event with value (a 64-bit integer) and an optional JSON object detail. */
  postEvent(value: number | bigint, detail?: Record<string, unknown> | string | null): void;

  /** Emits 'log' for messages at level or above; 'off' stops logging. */
  setLogLevel(level: LogLevelName | number): void;

  /**
   * Takes the oldest queued event, waiting up to timeoutMs (-1: no limit, 0: no wait).
   * Resolves null when none came in time. Rejects with VC_E_INVALID_STATE while event
   * listeners are attached, and with VC_E_SHUTDOWN when the engine is closed meanwhile.
   * A pending poll keeps the process alive.
   */
  pollEvent(timeoutMs: number): Promise<VoipEvent | null>;

  /**
   * Destroys the engine: drops queued events, rejects pending polls; no listener runs after
   * the promise resolves. Calling it again returns the same promise.
   */
  close(): Promise<void>;

  on<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  once<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  off<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  addListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  prependListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  prependOnceListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  removeListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  emit<K extends keyof EngineEvents>(name: K, ...args: EngineEvents[K]): boolean;
}

/** The loaded libvoipcore's version, "MAJOR.MINOR.PATCH". */
export declare function version(): string;
