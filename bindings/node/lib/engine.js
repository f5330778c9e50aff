'use strict';

const { EventEmitter } = require('node:events');
const { setImmediate: nextLoopTurn } = require('node:timers/promises');
const koffi = require('koffi');
const { native } = require('./library');
const { VoipError, check } = require('./voip-error');
const { ErrorCode, EVENT_TYPE_NAMES, LogLevel } = require('./constants');
const { toEventRecord } = require('./event-record');
const { EventInbox } = require('./event-inbox');
const { toLogLevel, toLogRecord } = require('./log-record');
const { toJsonText } = require('./json-text');
const { runBlockingCall } = require('./blocking-calls');
const { trackEngine, untrackEngine } = require('./open-engines');

// Listening to any of these takes events off the poll queue (see #routeEvents).
const EVENT_LISTENER_NAMES = new Set(['event', ...Object.values(EVENT_TYPE_NAMES)]);
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A libvoipcore engine. Events reach either the listeners or pollEvent(), never both: while a
 * listener for 'event' or an event type is attached the engine's event callback is set and
 * events are emitted; otherwise they wait in the library's queue for pollEvent().
 */
class Engine extends EventEmitter {
  #handle;
  #eventCallback;
  #logCallback;
  #inbox = new EventInbox((event) => this.#emitEvent(event));
  #closing = null;
  #pendingPolls = 0;
  #onNewListener = (name) => {
    if (EVENT_LISTENER_NAMES.has(name)) {
      this.#routeEvents(true);
    }
  };
  #onRemoveListener = (name) => {
    if (EVENT_LISTENER_NAMES.has(name)) {
      this.#routeEvents(this.#hasEventListeners());
    }
  };

  /** @param config undefined for the defaults, or overrides as an object or a JSON string. */
  constructor(config) {
    super();
    const created = [0n];
    check(native.vc_engine_create(created, toJsonText(config, 'config')));
    this.#handle = BigInt(created[0]);
    this.#eventCallback = koffi.register(this.#onNativeEvent.bind(this), native.EventCallbackPointer);
    this.#logCallback = koffi.register(this.#onNativeLog.bind(this), native.LogCallbackPointer);
    this.#watchListeners();
    trackEngine(this, () => this.#quietAtExit());
  }

  /** The engine's opaque 64-bit handle. */
  get handle() {
    return this.#handle;
  }

  /** The effective configuration: the defaults merged with the overrides given at creation. */
  get config() {
    const configText = [null];
    check(native.vc_engine_get_config(this.#handle, configText));
    try {
      return JSON.parse(koffi.decode.string(configText[0]));
    } finally {
      native.vc_free(configText[0]);
    }
  }

  /** Queues a 'user' event carrying value (a 64-bit integer) and an optional JSON object detail. */
  postEvent(value, detail) {
    check(native.vc_engine_post_event(this.#handle, value, toJsonText(detail, 'detail')));
  }

  /** Emits 'log' for each message at level or above; 'off' (or 4) stops logging. */
  setLogLevel(level) {
    const levelNumber = toLogLevel(level);
    const callback = levelNumber === LogLevel.OFF ? null : this.#logCallback;
    check(native.vc_set_log_callback(this.#handle, levelNumber, callback, null));
  }

  /**
   * Takes the oldest queued event, waiting up to timeoutMs (-1: no limit, 0: no wait).
   * Resolves null when none came in time; rejects while event listeners are attached.
   */
  async pollEvent(timeoutMs) {
    if (!Number.isInteger(timeoutMs) || timeoutMs < INT32_MIN || timeoutMs > INT32_MAX) {
      throw new TypeError('voipcore: timeoutMs must be an integer: -1 (no limit), 0 or a number of milliseconds');
    }
    if (this.#inbox.listening) {
      throw new VoipError(
        ErrorCode.INVALID_STATE,
        'pollEvent() while event listeners are attached: events go to the listeners; remove them to poll',
      );
    }
    return this.#inbox.receive(() => this.#pollLibrary(timeoutMs));
  }

  /**
   * Destroys the engine: stops its thread, drops events still queued and rejects pending polls.
   * No listener is called once the returned promise resolves. Calling it again returns the
   * same promise. Asynchronous because vc_engine_destroy waits for a callback in progress, and
   * callbacks run on this thread.
   */
  close() {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  removeAllListeners(...names) {
    super.removeAllListeners(...names);
    this.#watchListeners();
    this.#routeEvents(this.#hasEventListeners());
    return this;
  }

  async #pollLibrary(timeoutMs) {
    this.#pendingPolls++;
    try {
      return await runBlockingCall('pollEvent', { handle: this.#handle, timeoutMs });
    } catch (error) {
      if (error instanceof VoipError && error.code === ErrorCode.TIMEOUT) {
        return null;
      }
      throw error;
    } finally {
      this.#pendingPolls--;
    }
  }

  async #shutDown() {
    this.#detachCallbacks().forEach(check);
    // Let a callback already queued for this thread run first: destroy would wait for it, and
    // were process.exit() called during that wait, the exit would hang. This narrows that
    // window to a callback the library's thread has taken but not yet queued.
    await nextLoopTurn();
    await runBlockingCall('destroyEngine', { handle: this.#handle });
    this.#inbox.clear();
    koffi.unregister(this.#eventCallback);
    koffi.unregister(this.#logCallback);
    this.#eventCallback = null;
    this.#logCallback = null;
    untrackEngine(this);
  }

  /** Removes both native callbacks; returns the two result codes. */
  #detachCallbacks() {
    this.#inbox.listening = false;
    return [
      native.vc_engine_set_event_callback(this.#handle, null, null),
      native.vc_set_log_callback(this.#handle, LogLevel.OFF, null, null),
    ];
  }

  // Runs inside process 'exit', where nothing may throw or wait (see open-engines.js). Each
  // posted event wakes one blocked poll; results are ignored as the engine may be half closed.
  #quietAtExit() {
    this.#detachCallbacks();
    for (let poll = 0; poll < this.#pendingPolls; poll++) {
      native.vc_engine_post_event(this.#handle, 0, null);
    }
  }

  // removeAllListeners() with no name removes these hooks too: put them back.
  #watchListeners() {
    if (!this.listeners('newListener').includes(this.#onNewListener)) {
      this.on('newListener', this.#onNewListener);
    }
    if (!this.listeners('removeListener').includes(this.#onRemoveListener)) {
      this.on('removeListener', this.#onRemoveListener);
    }
  }

  #hasEventListeners() {
    return [...EVENT_LISTENER_NAMES].some((name) => this.listenerCount(name) > 0);
  }

  #routeEvents(toListeners) {
    if (this.#closing !== null || toListeners === this.#inbox.listening) {
      return;
    }
    check(native.vc_engine_set_event_callback(this.#handle, toListeners ? this.#eventCallback : null, null));
    this.#inbox.listening = toListeners;
  }

  // Native callbacks: copy everything out while it is valid.
  #onNativeEvent(nativeEventPointer) {
    runOutsideNative(() => this.#inbox.deliver(toEventRecord(koffi.decode(nativeEventPointer, native.EventStruct))));
  }

  #emitEvent(event) {
    this.emit('event', event);
    if (event.typeName !== 'unknown') {
      this.emit(event.typeName, event);
    }
  }

  #onNativeLog(level, category, message) {
    runOutsideNative(() => this.emit('log', toLogRecord(level, category, message)));
  }
}

// A listener's exception must not unwind into the library: rethrown on a tick of its own, it
// is an uncaught exception like that of any other listener.
function runOutsideNative(deliver) {
  try {
    deliver();
  } catch (error) {
    process.nextTick(() => {
      throw error;
    });
  }
}

module.exports = { Engine };
