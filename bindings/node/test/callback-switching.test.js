'use strict';

// Setting and removing the event and log callbacks while events flow. With the callbacks run
// on the main thread these calls deadlocked (the library waits for a callback in progress, the
// callback waited for the main thread); see README.md for why they cannot now.

const test = require('node:test');
const assert = require('node:assert/strict');
const { performance } = require('node:perf_hooks');
const { setImmediate: nextTurn } = require('node:timers/promises');
const { Engine, ErrorCode } = require('..');
const { withTimeout, collectEvents } = require('../test-support/helpers');

/** Runs call and returns how long it took, in ms. */
function timed(call) {
  const started = performance.now();
  call();
  return performance.now() - started;
}

/** Posts count user events, a batch per loop turn, so they flow while the test does other things. */
async function postSteadily(engine, count, batch = 100) {
  for (let posted = 0; posted < count; posted += batch) {
    for (let value = posted; value < Math.min(posted + batch, count); value++) {
      engine.postEvent(value);
    }
    await nextTurn();
  }
}

/**
 * Switches engine between listeners and polling, and its log level, rounds times while events
 * flow; returns the sequences received (listeners and polls together, in the order received)
 * and the slowest switch.
 */
async function switchWhileFlowing(engine, { events, rounds }) {
  const received = [];
  let slowestSwitchMs = 0;
  const listener = (event) => received.push(event.sequence);
  const producing = postSteadily(engine, events);
  for (let round = 0; round < rounds; round++) {
    slowestSwitchMs = Math.max(
      slowestSwitchMs,
      timed(() => engine.on('event', listener)),
      timed(() => engine.setLogLevel(round % 2 === 0 ? 'debug' : 'off')),
    );
    await nextTurn();
    slowestSwitchMs = Math.max(slowestSwitchMs, timed(() => engine.off('event', listener)));
    for (let poll = 0; poll < 3; poll++) {
      const event = await engine.pollEvent(0);
      if (event !== null) {
        received.push(event.sequence);
      }
    }
  }
  await producing;
  // Whatever is left is in the poll queue (or on its way to it).
  while (received.length < events + 1) {
    const event = await engine.pollEvent(2000);
    assert.notEqual(event, null, `only ${received.length} of ${events + 1} events arrived`);
    received.push(event.sequence);
  }
  assert.equal(await engine.pollEvent(50), null, 'an event arrived twice');
  return { received, slowestSwitchMs };
}

test('switching between listeners and polling while events flow loses, duplicates and reorders nothing', async () => {
  const engines = [new Engine(), new Engine(), new Engine()];
  try {
    let logRecords = 0;
    engines.forEach((engine) => engine.on('log', () => logRecords++));
    const results = await withTimeout(
      Promise.all(engines.map((engine) => switchWhileFlowing(engine, { events: 6000, rounds: 150 }))),
      20000,
      'the switching rounds',
    );
    for (const { received, slowestSwitchMs } of results) {
      assert.deepEqual(received, Array.from({ length: received.length }, (_, index) => index + 1));
      assert.ok(slowestSwitchMs < 1000, `a switch took ${slowestSwitchMs} ms`);
    }
    assert.ok(logRecords > 0, 'no log record arrived');
  } finally {
    await Promise.all(engines.map((engine) => engine.close()));
  }
});

test('listeners that add and remove listeners and change the log level, from inside a listener, never block', async () => {
  const engine = new Engine();
  try {
    const count = 3000;
    let received = 0;
    let slowestSwitchMs = 0;
    const done = new Promise((resolve) => {
      const relay = (event) => {
        if (event.typeName !== 'user') {
          return;
        }
        received++;
        // Hand over to a fresh listener on every event, toggling 'event'/'user' routing.
        slowestSwitchMs = Math.max(
          slowestSwitchMs,
          timed(() => {
            engine.off('event', relay);
            engine.setLogLevel(received % 2 === 0 ? 'debug' : 'info');
            engine.on('event', relay);
          }),
        );
        if (received === count) {
          resolve();
        }
      };
      engine.on('event', relay);
    });
    engine.on('log', () => {});
    await Promise.all([postSteadily(engine, count), withTimeout(done, 15000, `${count} events`)]);
    assert.equal(received, count);
    assert.ok(slowestSwitchMs < 1000, `a switch took ${slowestSwitchMs} ms`);
  } finally {
    await engine.close();
  }
});

test('close() while events and log records flow resolves promptly; no listener runs once it was called', async () => {
  for (let cycle = 0; cycle < 10; cycle++) {
    const engine = new Engine();
    let calls = 0;
    engine.on('event', () => calls++);
    engine.on('log', () => calls++);
    engine.setLogLevel('debug');
    const producing = postSteadily(engine, 20000, 500).catch((error) => {
      // The engine closed under the producer.
      assert.ok([ErrorCode.INVALID_HANDLE, ErrorCode.SHUTDOWN].includes(error.code), error.message);
    });
    await withTimeout(collectEvents(engine, 'user', 200 + cycle * 50), 5000, 'events to flow');
    const closing = engine.close();
    const callsAtClose = calls;
    await withTimeout(closing, 5000, 'close');
    await producing;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(calls, callsAtClose);
  }
});
