'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const { Engine, ErrorCode, LogLevel } = require('..');
const { withTimeout } = require('../test-support/helpers');

test("setLogLevel() makes the engine's log messages arrive as 'log' events", async () => {
  const engine = new Engine();
  try {
    const logged = withTimeout(once(engine, 'log'), 5000, 'a log message');
    engine.setLogLevel('debug');
    const [record] = await logged;
    assert.deepEqual(Object.keys(record).sort(), ['category', 'level', 'levelName', 'message']);
    assert.equal(record.level, LogLevel.DEBUG);
    assert.equal(record.levelName, 'debug');
    assert.equal(record.category, 'engine');
    assert.match(record.message, /log callback set/);
  } finally {
    await engine.close();
  }
});

test('log messages and events arrive together, with events still polled', async () => {
  const engine = new Engine();
  try {
    const logged = withTimeout(once(engine, 'log'), 5000, 'a log message');
    engine.setLogLevel(LogLevel.DEBUG);
    await logged;
    engine.postEvent(9);
    assert.equal((await engine.pollEvent(5000)).typeName, 'engineStarted');
    assert.equal((await engine.pollEvent(5000)).value, 9);
  } finally {
    await engine.close();
  }
});

test('messages below the level are not produced', async () => {
  const engine = new Engine();
  try {
    const messages = [];
    engine.on('log', (record) => messages.push(record));
    engine.setLogLevel('info');
    engine.setLogLevel('off');
    // An event posted after both calls arrives after any log record they produced.
    engine.postEvent(1);
    await engine.pollEvent(5000);
    await engine.pollEvent(5000);
    assert.deepEqual(messages, []);
  } finally {
    await engine.close();
  }
});

test('an unknown log level is refused', async () => {
  const engine = new Engine();
  try {
    assert.throws(() => engine.setLogLevel(7), { code: ErrorCode.INVALID_ARG, message: /level is 7/ });
    assert.throws(() => engine.setLogLevel('verbose'), RangeError);
  } finally {
    await engine.close();
  }
});
