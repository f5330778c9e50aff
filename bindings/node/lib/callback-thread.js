'use strict';

// Where the library's event and log callbacks run.
//
// koffi runs a JS callback called from a foreign thread on the event loop of the thread that
// registered it, and blocks the calling thread until that loop has run it. Were the callbacks
// registered on the main thread, the library's dispatch thread would wait for the main event
// loop, and vc_engine_set_event_callback / vc_set_log_callback / vc_engine_destroy, which wait
// for a callback in progress, could never be called synchronously on the main thread: the
// callback waits for the main thread, the main thread for the callback. Moving those calls to
// worker threads is no cure: Node joins its worker (and libuv) threads on process.exit(), so one
// of them waiting there for a callback that waits for the main loop hangs the exit for good.
//
// So the callbacks are registered on a thread of their own, which forwards what it receives to
// the main thread through a MessagePort and does nothing else. The dispatch thread then only
// ever waits for that thread, which never waits for anything, and the main thread may set and
// remove callbacks synchronously, even inside process 'exit' handlers.

const path = require('node:path');
const { Worker, MessageChannel, receiveMessageOnPort } = require('node:worker_threads');
const { libraryPath } = require('./library');

const WORKER_SCRIPT = path.join(__dirname, 'callback-worker.js');
const START_TIMEOUT_MS = 10000;

class CallbackThread {
  #worker;
  #sinks = new Map();
  #flushes = new Map();
  #nextFlushId = 1;
  #failed = false;

  /** Starts the thread and blocks until its callbacks are registered. */
  constructor() {
    const readyFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const { port1, port2 } = new MessageChannel();
    this.#worker = new Worker(WORKER_SCRIPT, {
      workerData: { libraryPath, readyPort: port2, readyFlag },
      transferList: [port2],
    });
    this.#worker.on('message', (message) => this.#receive(message));
    this.#worker.on('error', (error) => this.#fail(`the callback thread failed: ${error?.stack ?? error}`));
    this.#worker.on('exit', (exitCode) => this.#fail(`the callback thread exited with code ${exitCode}`));
    // Like an unref'd timer: the engines' events do not keep the process alive (see README.md).
    // After the listeners: adding a 'message' listener refs the worker again.
    this.#worker.unref();

    const waited = Atomics.wait(readyFlag, 0, 0, START_TIMEOUT_MS);
    const ready = receiveMessageOnPort(port1)?.message;
    port1.close();
    if (waited === 'timed-out' || ready === undefined || ready.error !== undefined) {
      this.#worker.terminate();
      const reason = ready?.error ?? `it did not start within ${START_TIMEOUT_MS} ms`;
      throw new Error(`voipcore: cannot start the callback thread: ${reason}`);
    }
    /** The address of the vc_event_fn trampoline; its user_data is unused. */
    this.eventCallback = ready.eventCallback;
    /** The address of the vc_log_fn trampoline; its user_data must be the engine's handle. */
    this.logCallback = ready.logCallback;
  }

  /** Sends the engine's events and log records to sink.event(record) / sink.log(record). */
  attach(engineHandle, sink) {
    this.#sinks.set(engineHandle, sink);
  }

  /** Drops whatever still arrives for the engine. */
  detach(engineHandle) {
    this.#sinks.delete(engineHandle);
  }

  /**
   * Resolves once everything the thread forwarded before this call has been delivered here.
   * After vc_engine_set_event_callback(NULL) returned, no callback is running or will run, so
   * this is the moment every event the callback took has reached its engine.
   */
  flush() {
    if (this.#failed) {
      return Promise.resolve();
    }
    const id = this.#nextFlushId++;
    return new Promise((resolve) => {
      this.#flushes.set(id, resolve);
      // A poll waiting for this must keep the process alive, as a poll in the library does.
      this.#worker.ref();
      this.#worker.postMessage({ flush: id });
    });
  }

  #receive(message) {
    switch (message.kind) {
      case 'event':
        this.#sinks.get(message.engine)?.event(message.record);
        break;
      case 'log':
        this.#sinks.get(message.engine)?.log(message.record);
        break;
      case 'flushed':
        this.#settleFlush(message.id);
        break;
      default:
        process.emitWarning(`voipcore: the callback thread could not forward a callback: ${message.message}`);
    }
  }

  #settleFlush(id) {
    const resolve = this.#flushes.get(id);
    this.#flushes.delete(id);
    if (this.#flushes.size === 0) {
      this.#worker.unref();
    }
    resolve?.();
  }

  #fail(reason) {
    if (this.#failed) {
      return;
    }
    this.#failed = true;
    for (const id of [...this.#flushes.keys()]) {
      this.#settleFlush(id);
    }
    // Expected only while the process exits, when Node stops every worker thread.
    if (!exiting) {
      process.emitWarning(`voipcore: ${reason}; engines receive no more events or log records`);
    }
  }
}

let exiting = false;
process.once('exit', () => {
  exiting = true;
});

let callbackThread = null;

/** The process's callback thread, started (synchronously, once) on first use. */
function getCallbackThread() {
  callbackThread ??= new CallbackThread();
  return callbackThread;
}

module.exports = { getCallbackThread };
