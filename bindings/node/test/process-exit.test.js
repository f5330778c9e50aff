'use strict';

// Each case runs in a child node process, since what is tested is how that process ends.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { runNodeScript } = require('../test-support/helpers');

function assertCleanExit(result, expectedOutput) {
  assert.equal(result.signal, null, `killed by ${result.signal}; stderr: ${result.stderr}`);
  assert.equal(result.status, 0, `stderr: ${result.stderr}`);
  assert.equal(result.stdout.trim(), expectedOutput);
}

test('the process exits with 0 after async calls and close()', () => {
  const result = runNodeScript(`
    (async () => {
      const engine = new voipcore.Engine();
      const started = await engine.pollEvent(5000);
      const nothing = await engine.pollEvent(20);
      engine.postEvent(1);
      const user = await engine.pollEvent(5000);
      await engine.close();
      console.log(started.typeName, nothing, user.value);
    })();
  `);
  assertCleanExit(result, 'engineStarted null 1');
});

test('an engine never closed, with listeners and logging, lets the process exit with 0', () => {
  const result = runNodeScript(`
    const engine = new voipcore.Engine();
    engine.setLogLevel('debug');
    engine.on('log', () => {});
    engine.on('event', () => {});
    for (let value = 0; value < 1000; value++) engine.postEvent(value);
    setTimeout(() => console.log('done'), 20);
  `);
  assertCleanExit(result, 'done');
});

test('process.exit() with a poll blocked without limit exits with 0', () => {
  const result = runNodeScript(`
    (async () => {
      const engine = new voipcore.Engine();
      await engine.pollEvent(5000);
      engine.pollEvent(-1);
      engine.pollEvent(-1);
      setTimeout(() => { console.log('exiting'); process.exit(0); }, 50);
    })();
  `);
  assertCleanExit(result, 'exiting');
});

test('process.exit() right after close(), while events flow to a listener, exits with 0', () => {
  const result = runNodeScript(`
    const engine = new voipcore.Engine();
    let received = 0;
    engine.on('user', () => {
      if (++received === 100) {
        engine.close();
        console.log('exiting');
        process.exit(0);
      }
    });
    for (let value = 0; value < 10000; value++) engine.postEvent(value);
    setTimeout(() => {}, 5000);
  `);
  assertCleanExit(result, 'exiting');
});

test("a listener's exception is an uncaught exception, and the engine goes on delivering", () => {
  const result = runNodeScript(`
    const engine = new voipcore.Engine();
    const uncaught = [];
    process.on('uncaughtException', (error) => uncaught.push(error.message));
    engine.on('user', (event) => {
      if (event.value === 1) throw new Error('listener failed');
      if (event.value === 2) engine.close().then(() => console.log(uncaught.join(), event.value));
    });
    engine.postEvent(1);
    engine.postEvent(2);
    setTimeout(() => {}, 500);
  `);
  assertCleanExit(result, 'listener failed 2');
});

test('a missing library fails at require() with a message naming VOIPCORE_LIBRARY', () => {
  const missing = path.join(__dirname, 'no-such-libvoipcore.so');
  const result = runNodeScript('', { env: { ...process.env, VOIPCORE_LIBRARY: missing } });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /libvoipcore not found: VOIPCORE_LIBRARY points to .*no-such-libvoipcore\.so/);
});
