'use strict';

// Shared by the tests in ../test. Kept out of test/ because node --test runs every .js file there.

const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const PACKAGE_ROOT = path.resolve(__dirname, '..');

/**
 * Settles like promise, or rejects after ms. The timer also keeps the event loop alive, which
 * an engine alone does not do (see README.md).
 */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the next count events emitted under name, in emission order. */
function collectEvents(emitter, name, count) {
  return new Promise((resolve) => {
    const collected = [];
    const listener = (event) => {
      collected.push(event);
      if (collected.length === count) {
        emitter.off(name, listener);
        resolve(collected);
      }
    };
    emitter.on(name, listener);
  });
}

/**
 * Resolves with the next event emitted under name for which predicate holds; rejects after ms.
 * The listener is removed either way.
 */
function waitForEvent(emitter, name, predicate = () => true, ms = 5000) {
  let listener;
  const matched = new Promise((resolve) => {
    listener = (event) => {
      if (predicate(event)) {
        resolve(event);
      }
    };
    emitter.on(name, listener);
  });
  return withTimeout(matched, ms, `a matching '${name}' event`).finally(() => emitter.off(name, listener));
}

/**
 * Runs body as a CommonJS script in a fresh node process, with `voipcore` bound to this
 * package, and returns spawnSync's result. A hang ends as signal SIGKILL after timeoutMs.
 */
function runNodeScript(body, { env = process.env, timeoutMs = 10000 } = {}) {
  const script = `const voipcore = require(${JSON.stringify(PACKAGE_ROOT)});\n${body}`;
  return spawnSync(process.execPath, ['-e', script], {
    // Not this folder: a crashing child may leave a core file in its working directory.
    cwd: os.tmpdir(),
    encoding: 'utf8',
    env,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
}

module.exports = { PACKAGE_ROOT, withTimeout, collectEvents, waitForEvent, runNodeScript };
