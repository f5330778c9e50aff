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
    const applied = [engine.setLogLevel('info'), engine.setLogLevel('off')];
    await Promise.all(applied);
    // An event posted once both levels were in effect arrives after any log record they produced.
    engine.postEvent(1);
    await engine.pollEvent(5000);
    await engine.pollEvent(5000);
    assert.deepEqual(messages, []);
  } finally {
    await engine.close();
  }
});

test('setLogLevel() resolves once the level is in effect; the latest call wins', async () => {
  const engine = new Engine();
  try {
    const records = [];
    engine.on('log', (record) => records.push(record));
    const first = engine.setLogLevel('error');
    const second = engine.setLogLevel('debug');
    await withTimeout(Promise.all([first, second]), 5000, 'the log level');
    // The debug record of the change is already on its way.
    await withTimeout(
      new Promise((resolve) => {
        const check = () => (records.some((record) => record.level === LogLevel.DEBUG) ? resolve() : setTimeout(check, 5));
        check();
      }),
      5000,
      'a debug record',
    );
    await engine.setLogLevel('off');
  } finally {
    await engine.close();
  }
  // Once closed: refused at once.
  assert.throws(() => engine.setLogLevel('debug'), { code: ErrorCode.INVALID_HANDLE });
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
