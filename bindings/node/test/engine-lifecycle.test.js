'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const koffi = require('koffi');
const { Engine, EventType, ErrorCode, VoipError, version } = require('..');
const { withTimeout } = require('../test-support/helpers');

test('the first event is engineStarted carrying the library version', async () => {
  const engine = new Engine();
  try {
    const [event] = await withTimeout(once(engine, 'engineStarted'), 5000, 'engineStarted');
    assert.equal(event.type, EventType.ENGINE_STARTED);
    assert.equal(event.typeName, 'engineStarted');
    assert.equal(event.sequence, 1);
    assert.equal(event.handle, 0n);
    assert.equal(event.related, 0n);
    assert.deepEqual(event.detail, { version: version() });
    assert.match(version(), /^\d+\.\d+\.\d+$/);
  } finally {
    await engine.close();
  }
});

test('config merges the overrides, given as object or JSON text, with the defaults', async () => {
  const fromObject = new Engine({ user_agent: 'node-test', event_queue_capacity: 64 });
  const fromText = new Engine('{"log_level": "warning"}');
  const defaults = new Engine();
  try {
    const merged = fromObject.config;
    assert.equal(merged.user_agent, 'node-test');
    assert.equal(merged.event_queue_capacity, 64);
    assert.equal(merged.log_level, 'warning');
    assert.deepEqual(merged.sip.listen, []);
    assert.equal(fromText.config.log_level, 'warning');
    assert.deepEqual(
      [defaults.config.user_agent, defaults.config.event_queue_capacity],
      [`libvoipcore/${version()}`, 65536],
    );
    assert.equal(typeof defaults.handle, 'bigint');
  } finally {
    await Promise.all([fromObject.close(), fromText.close(), defaults.close()]);
  }
});

test('every method of a closed engine fails with VC_E_INVALID_HANDLE', async () => {
  const engine = new Engine();
  await engine.close();
  const isStaleHandle = (error) =>
    error instanceof VoipError && error.code === ErrorCode.INVALID_HANDLE && error.codeName === 'VC_E_INVALID_HANDLE' &&
    /stale/.test(error.message);
  assert.throws(() => engine.postEvent(1), isStaleHandle);
  assert.throws(() => engine.config, isStaleHandle);
  assert.throws(() => engine.setLogLevel('debug'), isStaleHandle);
  await assert.rejects(engine.pollEvent(0), isStaleHandle);
});

test('close is idempotent; listeners and logging register no koffi callback on this thread', async () => {
  const callbacksBefore = koffi.stats().callbacks;
  const engine = new Engine();
  engine.on('event', () => {});
  engine.on('log', () => {});
  engine.setLogLevel('debug');
  // Both callbacks run on the binding's callback thread (see README.md).
  assert.equal(koffi.stats().callbacks, callbacksBefore);
  const closing = engine.close();
  assert.equal(engine.close(), closing);
  await closing;
  assert.equal(koffi.stats().callbacks, callbacksBefore);
});

test('several engines live side by side, each with its own events', async () => {
  const engines = Array.from({ length: 4 }, (_, index) => new Engine({ user_agent: `engine-${index}` }));
  try {
    const received = engines.map((engine) => withTimeout(once(engine, 'user'), 5000, 'a user event'));
    engines.forEach((engine, index) => engine.postEvent(index, { engine: index }));
    const events = (await Promise.all(received)).map(([event]) => event);
    events.forEach((event, index) => {
      assert.equal(event.value, index);
      assert.deepEqual(event.detail, { engine: index });
    });
    assert.equal(new Set(engines.map((engine) => engine.handle)).size, engines.length);
  } finally {
    await Promise.all(engines.map((engine) => engine.close()));
  }
});

test('a blocked poll on one engine does not hold up another', async () => {
  const waiting = new Engine();
  const busy = new Engine();
  try {
    await waiting.pollEvent(5000);
    await busy.pollEvent(5000);
    const blocked = waiting.pollEvent(-1);
    busy.postEvent(7);
    const event = await withTimeout(busy.pollEvent(5000), 5000, 'the busy engine');
    assert.equal(event.value, 7);
    waiting.postEvent(8);
    assert.equal((await withTimeout(blocked, 5000, 'the blocked poll')).value, 8);
  } finally {
    await Promise.all([waiting.close(), busy.close()]);
  }
});

test('100 create/close cycles', async () => {
  const callbacksBefore = koffi.stats().callbacks;
  for (let cycle = 0; cycle < 100; cycle++) {
    const engine = new Engine();
    if (cycle % 2 === 0) {
      engine.on('event', () => {});
    }
    await engine.close();
  }
  assert.equal(koffi.stats().callbacks, callbacksBefore);
});
