'use strict';

// What happens to engines still open when the process ends. An engine does not keep the event
// loop alive by itself, so:
//  - when the loop drains ('beforeExit'), every open engine is closed properly;
//  - on 'exit' (process.exit(), or an uncaught exception) nothing may wait for the event loop
//    any more, and Node joins its worker threads once the 'exit' handlers have run, so engines
//    are only quieted, synchronously: callback changes cancelled or waited for, callbacks
//    removed (before Node stops the callback thread they run on) and blocked polls woken (see
//    Engine#quietAtExit and CallbackSwitch#quietAtExit). Blocking-call threads still starting
//    are waited for (see blocking-calls.js).

const { waitForStartingThreads } = require('./blocking-calls');

const STARTING_THREAD_WAIT_MS = 2000;
const openEngines = new Map();
let processHooksInstalled = false;

function installProcessHooks() {
  process.on('beforeExit', () => {
    for (const engine of openEngines.keys()) {
      engine.close().catch((error) => process.emitWarning(`voipcore: closing an engine at exit failed: ${error.message}`));
    }
  });
  process.on('exit', () => {
    for (const quietAtExit of openEngines.values()) {
      quietAtExit();
    }
    waitForStartingThreads(STARTING_THREAD_WAIT_MS);
  });
  processHooksInstalled = true;
}

/** Tracks an engine until untrackEngine(); quietAtExit() must be synchronous and must not throw. */
function trackEngine(engine, quietAtExit) {
  if (!processHooksInstalled) {
    installProcessHooks();
  }
  openEngines.set(engine, quietAtExit);
}

function untrackEngine(engine) {
  openEngines.delete(engine);
}

module.exports = { trackEngine, untrackEngine };
