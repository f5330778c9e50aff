'use strict';

// Setting and removing an engine's event and log callbacks, off the main thread.
//
// vc_engine_set_event_callback and vc_set_log_callback wait for the engine's dispatch thread:
// for a callback in progress, and (measured) replacing a callback or changing the log level
// waits until everything already queued for the dispatch thread has been delivered, which can
// take seconds under load. So these calls run on the blocking-call threads, one at a time per
// engine and in the order asked, coalesced: only the latest wish is applied.
//
// At process exit Node joins those threads, and the callbacks must be gone before it stops the
// callback thread (a koffi trampoline whose thread has ended must never be called). quietAtExit()
// settles both synchronously with the gate below, shared with blocking-call-worker.js: a call
// not yet started is cancelled, one in progress is waited for, and the callbacks are removed.

const { native } = require('./library');
const { runBlockingCall } = require('./blocking-calls');
const { LogLevel } = require('./constants');

// The gate's slots: IN_CALL is 1 while a blocking-call thread is inside one of this engine's
// callback calls; CANCELLED, once 1, stops any further call from starting.
const GATE_IN_CALL = 0;
const GATE_CANCELLED = 1;
// Bounds the exit handler's wait for a call in progress. With the event callback removed first
// (which never waits for the queue), that call waits at most for one callback on the callback
// thread, so this limit is not expected to be reached.
const EXIT_WAIT_MS = 5000;

class CallbackSwitch {
  #handle;
  #callbackThread;
  #gate = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  #closed = false;
  #running = null;
  #changeWaiters = [];

  #wantEvents = false;
  #hasEvents = false;
  #eventCallInFlight = false;
  // Set after removing the event callback, until the events it took have all arrived.
  #eventsInFlight = null;

  // null: never set; the library then logs to standard error at the configured level.
  #wantLogLevel = null;
  #logLevel = null;
  #logWishes = 0;
  #logWaiters = [];

  constructor(handle, callbackThread) {
    this.#handle = handle;
    this.#callbackThread = callbackThread;
  }

  /** Events go to the callback (true) or to the poll queue (false), once applied. */
  routeEvents(toCallback) {
    if (!this.#closed && this.#wantEvents !== toCallback) {
      this.#wantEvents = toCallback;
      this.#start();
    }
  }

  /** Resolves once the level (or a level asked for later) is in effect, or the engine closed. */
  setLogLevel(level) {
    if (this.#closed) {
      return Promise.resolve();
    }
    this.#wantLogLevel = level;
    const wish = ++this.#logWishes;
    const applied = new Promise((resolve) => this.#logWaiters.push({ wish, resolve }));
    this.#start();
    return applied;
  }

  /**
   * null when events go to the poll queue and every event the callback took has arrived, so a
   * poll of the library returns what comes after them; otherwise a promise that resolves at the
   * next change, to check again.
   */
  eventsSettling() {
    if (!this.#wantEvents && !this.#hasEvents && !this.#eventCallInFlight && this.#eventsInFlight === null) {
      return null;
    }
    return new Promise((resolve) => this.#changeWaiters.push(resolve));
  }

  /**
   * No further change; resolves once the call in progress, if any, has returned. The engine is
   * destroyed meanwhile, which makes that call return at once.
   */
  async close() {
    this.#closed = true;
    this.#settleLogWaiters(Infinity);
    while (this.#running !== null) {
      await this.#running;
    }
  }

  /**
   * For process 'exit', synchronous: no callback call starts any more, the one in progress has
   * returned, and both callbacks are removed. Safe on the main thread because the callbacks run
   * on the callback thread, still alive while 'exit' handlers run.
   */
  quietAtExit() {
    this.#closed = true;
    // Stores then loads, sequentially consistent, as the worker does in the other order: either
    // the worker sees CANCELLED and does not call, or this sees IN_CALL and waits.
    Atomics.store(this.#gate, GATE_CANCELLED, 1);
    const callInProgress = Atomics.load(this.#gate, GATE_IN_CALL) === 1;
    // Never waits for the queue: removing the event callback hands what is queued to the poll
    // queue, which also releases a call in progress that waits for that queue.
    native.vc_engine_set_event_callback(this.#handle, null, null);
    if (callInProgress) {
      Atomics.wait(this.#gate, GATE_IN_CALL, 1, EXIT_WAIT_MS);
      // That call may have set the event callback again.
      native.vc_engine_set_event_callback(this.#handle, null, null);
    }
    native.vc_set_log_callback(this.#handle, LogLevel.OFF, null, null);
  }

  #start() {
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
      this.#notifyChange();
    });
  }

  async #run() {
    while (!this.#closed) {
      if (this.#wantEvents !== this.#hasEvents) {
        await this.#applyEvents(this.#wantEvents);
      } else if (this.#wantLogLevel !== this.#logLevel) {
        await this.#applyLogLevel(this.#wantLogLevel, this.#logWishes);
      } else {
        return;
      }
    }
  }

  async #applyEvents(toCallback) {
    this.#eventCallInFlight = true;
    try {
      await this.#call('setEventCallback', { callback: toCallback ? this.#callbackThread.eventCallback : null });
    } finally {
      this.#eventCallInFlight = false;
    }
    this.#hasEvents = toCallback;
    if (!toCallback) {
      // No callback runs any more; what it forwarded is on its way to the engine.
      const eventsInFlight = this.#callbackThread.flush().then(() => {
        if (this.#eventsInFlight === eventsInFlight) {
          this.#eventsInFlight = null;
        }
        this.#notifyChange();
      });
      this.#eventsInFlight = eventsInFlight;
    }
    this.#notifyChange();
  }

  async #applyLogLevel(level, wish) {
    const off = level === LogLevel.OFF;
    // user_data tells the callback thread which engine a record comes from.
    await this.#call('setLogCallback', {
      level,
      callback: off ? null : this.#callbackThread.logCallback,
      userData: off ? null : this.#handle,
    });
    this.#logLevel = level;
    this.#settleLogWaiters(wish);
  }

  // A failure means the handle went bad under us (the engine is closed through this switch, so
  // it should not): reported, and the wish counted as applied so the switch does not spin.
  async #call(operation, args) {
    try {
      await runBlockingCall(operation, { handle: this.#handle, gate: this.#gate, ...args });
    } catch (error) {
      if (!this.#closed) {
        process.emitWarning(`voipcore: ${operation} failed: ${error.message}`);
      }
    }
  }

  #settleLogWaiters(appliedWish) {
    const settled = this.#logWaiters.filter((waiter) => waiter.wish <= appliedWish);
    this.#logWaiters = this.#logWaiters.filter((waiter) => waiter.wish > appliedWish);
    settled.forEach((waiter) => waiter.resolve());
  }

  #notifyChange() {
    const waiters = this.#changeWaiters;
    this.#changeWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}

module.exports = { CallbackSwitch };
