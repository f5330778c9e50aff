'use strict';

// A thread of its own for the vc_ calls that may block: poll with a timeout, destroy, and the
// calls that set or remove callbacks, which wait for the engine's dispatch thread. The call and
// the reading of what it leaves behind on its thread — vc_last_error() and the polled event's
// detail, both thread-local in libvoipcore — happen here, one right after the other. koffi's
// .async cannot give that: it runs the call on a libuv thread but decodes its outputs later on
// the main thread, when another call may already have replaced them.

const { parentPort, workerData } = require('node:worker_threads');
const { bindLibrary } = require('./native');
const { toEventRecord } = require('./event-record');

const native = bindLibrary(workerData.libraryPath);
Atomics.store(workerData.started, 0, 1);
Atomics.notify(workerData.started, 0);

// The gate's slots, as in callback-switch.js.
const GATE_IN_CALL = 0;
const GATE_CANCELLED = 1;

/**
 * Runs a callback call unless the process is exiting (see CallbackSwitch#quietAtExit): marks
 * the call as in progress, then checks for cancellation, the mirror image of the exit handler.
 */
function throughGate(gate, call) {
  Atomics.store(gate, GATE_IN_CALL, 1);
  try {
    return Atomics.load(gate, GATE_CANCELLED) === 1 ? 0 : call();
  } finally {
    Atomics.store(gate, GATE_IN_CALL, 0);
    Atomics.notify(gate, GATE_IN_CALL);
  }
}

const operations = {
  pollEvent({ handle, timeoutMs }) {
    const nativeEvent = {};
    const rc = native.vc_engine_poll_event(handle, nativeEvent, timeoutMs);
    return { rc, result: rc === 0 ? toEventRecord(nativeEvent) : null };
  },
  destroyEngine({ handle }) {
    return { rc: native.vc_engine_destroy(handle), result: null };
  },
  // callback: the address of a trampoline registered on the callback thread, or null.
  setEventCallback({ handle, gate, callback }) {
    return { rc: throughGate(gate, () => native.vc_engine_set_event_callback(handle, callback, null)), result: null };
  },
  setLogCallback({ handle, gate, level, callback, userData }) {
    return { rc: throughGate(gate, () => native.vc_set_log_callback(handle, level, callback, userData)), result: null };
  },
};

parentPort.on('message', ({ operation, args }) => {
  const { rc, result } = operations[operation](args);
  parentPort.postMessage({ rc, message: rc === 0 ? null : native.vc_last_error(), result });
});
