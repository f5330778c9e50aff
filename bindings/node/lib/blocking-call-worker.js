'use strict';

// A thread of its own for the vc_ calls that may block (poll with a timeout, destroy). The call
// and the reading of what it leaves behind on its thread — vc_last_error() and the polled
// event's detail, both thread-local in libvoipcore — happen here, one right after the other.
// koffi's .async cannot give that: it runs the call on a libuv thread but decodes its outputs
// later on the main thread, when another call may already have replaced them.

const { parentPort, workerData } = require('node:worker_threads');
const { bindLibrary } = require('./native');
const { toEventRecord } = require('./event-record');

const native = bindLibrary(workerData.libraryPath);
Atomics.store(workerData.started, 0, 1);
Atomics.notify(workerData.started, 0);

const operations = {
  pollEvent({ handle, timeoutMs }) {
    const nativeEvent = {};
    const rc = native.vc_engine_poll_event(handle, nativeEvent, timeoutMs);
    return { rc, result: rc === 0 ? toEventRecord(nativeEvent) : null };
  },
  destroyEngine({ handle }) {
    return { rc: native.vc_engine_destroy(handle), result: null };
  },
};

parentPort.on('message', ({ operation, args }) => {
  const { rc, result } = operations[operation](args);
  parentPort.postMessage({ rc, message: rc === 0 ? null : native.vc_last_error(), result });
});
