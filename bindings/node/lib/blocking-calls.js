'use strict';

const path = require('node:path');
const { Worker } = require('node:worker_threads');
const { libraryPath } = require('./library');
const { VoipError } = require('./voip-error');

const WORKER_SCRIPT = path.join(__dirname, 'blocking-call-worker.js');
// Threads kept for the next call once idle; more start while that many calls block at once.
const MAX_IDLE_THREADS = 2;

const liveThreads = new Set();

/** One worker thread running one blocking call at a time. */
class BlockingCallThread {
  #worker;
  #pending = null;
  // Set to 1 by the thread once it has bound the library.
  #started = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

  constructor() {
    this.#worker = new Worker(WORKER_SCRIPT, { workerData: { libraryPath, started: this.#started } });
    this.#worker.on('message', (reply) => this.#settle((pending) => pending.resolve(reply)));
    this.#worker.on('error', (error) => this.#settle((pending) => pending.reject(error)));
    this.#worker.on('exit', (exitCode) => {
      liveThreads.delete(this);
      this.#settle((pending) =>
        pending.reject(new Error(`voipcore: blocking-call thread exited with code ${exitCode}`)),
      );
    });
    liveThreads.add(this);
    // An idle thread must not keep the process alive; a call in progress does, as pending I/O does.
    this.#worker.unref();
  }

  call(operation, args) {
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.ref();
      this.#worker.postMessage({ operation, args });
    });
  }

  terminate() {
    this.#worker.terminate();
  }

  /** Blocks the calling thread until this thread has started, or timeoutMs passed. */
  waitUntilStarted(timeoutMs) {
    Atomics.wait(this.#started, 0, 0, timeoutMs);
  }

  #settle(complete) {
    const pending = this.#pending;
    if (pending === null) {
      return;
    }
    this.#pending = null;
    this.#worker.unref();
    complete(pending);
  }
}

const idleThreads = [];

/**
 * Runs a blocking operation of blocking-call-worker.js on a thread of its own and returns its
 * result, or throws the VoipError it failed with.
 */
async function runBlockingCall(operation, args) {
  const thread = idleThreads.pop() ?? new BlockingCallThread();
  let reply;
  try {
    reply = await thread.call(operation, args);
  } catch (error) {
    thread.terminate();
    throw error;
  }
  if (idleThreads.length < MAX_IDLE_THREADS) {
    idleThreads.push(thread);
  } else {
    thread.terminate();
  }
  if (reply.rc !== 0) {
    throw new VoipError(reply.rc, reply.message);
  }
  return reply.result;
}

/**
 * Blocks the calling thread until every blocking-call thread has finished starting. For the
 * process 'exit' handler: stopping a thread while it still loads koffi, as process.exit()
 * does, makes koffi's initialisation abort the whole process.
 */
function waitForStartingThreads(timeoutMs) {
  for (const thread of liveThreads) {
    thread.waitUntilStarted(timeoutMs);
  }
}

module.exports = { runBlockingCall, waitForStartingThreads };
