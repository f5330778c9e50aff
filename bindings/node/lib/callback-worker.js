'use strict';

// The callback thread: the one thread on which the library's event and log callbacks run (see
// callback-thread.js). It registers one koffi trampoline of each kind for the whole process and
// forwards every event and log record, copied while still valid, to the main thread. It runs
// nothing else and never calls into the library, so a callback the library's dispatch thread
// makes is always answered promptly, whatever the main thread is doing.

const { parentPort, workerData } = require('node:worker_threads');

const { readyPort, readyFlag } = workerData;

function signalReady(message) {
  readyPort.postMessage(message);
  readyPort.close();
  Atomics.store(readyFlag, 0, 1);
  Atomics.notify(readyFlag, 0);
}

// An exception must neither unwind into the library nor end this thread: the library's thread
// would then wait for good for a callback that no thread runs any more.
function forward(build) {
  try {
    parentPort.postMessage(build());
  } catch (error) {
    try {
      parentPort.postMessage({ kind: 'failure', message: String(error?.stack ?? error) });
    } catch {
      // Nothing left to report with.
    }
  }
}

try {
  const koffi = require('koffi');
  const { bindLibrary } = require('./native');
  const { toEventRecord } = require('./event-record');
  const { toLogRecord } = require('./log-record');

  const native = bindLibrary(workerData.libraryPath);
  const eventCallback = koffi.register((nativeEventPointer) => {
    forward(() => {
      const nativeEvent = koffi.decode(nativeEventPointer, native.EventStruct);
      return { kind: 'event', engine: BigInt(nativeEvent.engine), record: toEventRecord(nativeEvent) };
    });
  }, native.EventCallbackPointer);
  // user_data is the engine's handle (see Engine#setLogLevel).
  const logCallback = koffi.register((level, category, message, userData) => {
    forward(() => ({ kind: 'log', engine: BigInt(userData ?? 0), record: toLogRecord(level, category, message) }));
  }, native.LogCallbackPointer);

  parentPort.on('message', ({ flush }) => forward(() => ({ kind: 'flushed', id: flush })));
  signalReady({ eventCallback, logCallback });
} catch (error) {
  signalReady({ error: String(error?.message ?? error) });
}
