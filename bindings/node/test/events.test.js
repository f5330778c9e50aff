'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const { performance } = require('node:perf_hooks');
const { Engine, EventType, ErrorCode } = require('..');
const { withTimeout, collectEvents } = require('../test-support/helpers');

async function withEngine(config, body) {
  const engine = new Engine(config);
  try {
    return await body(engine);
  } finally {
    await engine.close();
  }
}

test('events posted rapidly all reach the listeners, in order, with consecutive sequences', () =>
  withEngine(undefined, async (engine) => {
    const count = 5000;
    const everything = collectEvents(engine, 'event', count + 1);
    const userEvents = collectEvents(engine, 'user', count);
    for (let value = 0; value < count; value++) {
      engine.postEvent(value, value % 100 === 0 ? { index: value } : undefined);
    }
    const [events, users] = await withTimeout(Promise.all([everything, userEvents]), 10000, `${count} events`);
    assert.equal(events[0].typeName, 'engineStarted');
    events.forEach((event, index) => assert.equal(event.sequence, index + 1));
    users.forEach((event, index) => {
      assert.equal(event.type, EventType.USER);
      assert.equal(event.value, index);
      assert.deepEqual(event.detail, index % 100 === 0 ? { index } : null);
    });
  }));

test('pollEvent takes queued events in order, detail included', () =>
  withEngine(undefined, async (engine) => {
    assert.equal((await engine.pollEvent(5000)).typeName, 'engineStarted');
    engine.postEvent(1, { first: true });
    engine.postEvent(2);
    const first = await engine.pollEvent(5000);
    const second = await engine.pollEvent(5000);
    assert.deepEqual([first.value, first.detail], [1, { first: true }]);
    assert.deepEqual([second.value, second.detail], [2, null]);
    assert.equal(second.sequence, first.sequence + 1);
  }));

test('pollEvent resolves null when no event comes within the timeout', () =>
  withEngine(undefined, async (engine) => {
    await engine.pollEvent(5000);
    const started = performance.now();
    assert.equal(await engine.pollEvent(150), null);
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 140 && elapsed < 2000, `waited ${elapsed} ms`);
    assert.equal(await engine.pollEvent(0), null);
  }));

test('64-bit values beyond the safe integer range come back as BigInt', () =>
  withEngine(undefined, async (engine) => {
    await engine.pollEvent(5000);
    engine.postEvent(2n ** 62n);
    engine.postEvent(-(2n ** 63n));
    engine.postEvent(-5);
    assert.equal((await engine.pollEvent(5000)).value, 2n ** 62n);
    assert.equal((await engine.pollEvent(5000)).value, -(2n ** 63n));
    assert.equal((await engine.pollEvent(5000)).value, -5);
  }));

test('pollEvent is refused while event listeners are attached, and works again once they are gone', () =>
  withEngine(undefined, async (engine) => {
    const listener = () => {};
    engine.on('user', listener);
    await assert.rejects(engine.pollEvent(0), { code: ErrorCode.INVALID_STATE, codeName: 'VC_E_INVALID_STATE' });
    engine.off('user', listener);
    engine.postEvent(3);
    const polled = [await engine.pollEvent(5000), await engine.pollEvent(5000)];
    assert.deepEqual(polled.map((event) => event.typeName), ['engineStarted', 'user']);
  }));

test('removeAllListeners() hands events back to polling, and new listeners still receive them', () =>
  withEngine(undefined, async (engine) => {
    engine.on('event', () => {});
    engine.removeAllListeners();
    assert.equal((await engine.pollEvent(5000)).typeName, 'engineStarted');
    const received = withTimeout(once(engine, 'user'), 5000, 'a user event');
    engine.postEvent(4);
    assert.equal((await received)[0].value, 4);
  }));

test('a full poll queue drops the oldest events and reports how many with eventsDropped', () =>
  withEngine({ event_queue_capacity: 16 }, async (engine) => {
    const posted = 40;
    for (let value = 0; value < posted; value++) {
      engine.postEvent(value);
    }
    const polled = [];
    for (let event = await engine.pollEvent(1000); event !== null; event = await engine.pollEvent(200)) {
      polled.push(event);
    }
    const dropped = polled.filter((event) => event.type === EventType.EVENTS_DROPPED);
    const kept = polled.filter((event) => event.type !== EventType.EVENTS_DROPPED);
    assert.ok(dropped.length >= 1, 'no eventsDropped event');
    const droppedCount = dropped.reduce((sum, event) => sum + event.value, 0);
    assert.equal(droppedCount + kept.length, posted + 1);
    const keptValues = kept.filter((event) => event.type === EventType.USER).map((event) => event.value);
    assert.deepEqual(keptValues, [...keptValues].sort((a, b) => a - b));
    assert.equal(keptValues.at(-1), posted - 1);
  }));

test('close() while events are flowing resolves, and no listener runs after it', () =>
  withEngine(undefined, async (engine) => {
    let received = 0;
    engine.on('user', () => {
      received++;
    });
    const posting = setInterval(() => {
      try {
        for (let batch = 0; batch < 200; batch++) {
          engine.postEvent(batch);
        }
      } catch (error) {
        // VC_E_SHUTDOWN when the post races with the destroy itself.
        assert.ok([ErrorCode.INVALID_HANDLE, ErrorCode.SHUTDOWN].includes(error.code), error.message);
        clearInterval(posting);
      }
    }, 1);
    await withTimeout(collectEvents(engine, 'user', 500), 5000, 'events to flow');
    await withTimeout(engine.close(), 5000, 'close');
    const receivedAtClose = received;
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(posting);
    assert.equal(received, receivedAtClose);
  }));

test('close() rejects a poll blocked without limit with VC_E_SHUTDOWN', async () => {
  const engine = new Engine();
  await engine.pollEvent(5000);
  const blocked = assert.rejects(withTimeout(engine.pollEvent(-1), 5000, 'the blocked poll'), {
    code: ErrorCode.SHUTDOWN,
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await engine.close();
  await blocked;
});
