'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { Engine, ErrorCode, VoipError } = require('..');

function isInvalidConfigKey(key) {
  return (error) => {
    assert.ok(error instanceof VoipError, `expected a VoipError, got ${error}`);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'VoipError');
    assert.equal(error.code, ErrorCode.INVALID_ARG);
    assert.equal(error.codeName, 'VC_E_INVALID_ARG');
    assert.match(error.message, new RegExp(`^VC_E_INVALID_ARG: config: key '${key}'`));
    return true;
  };
}

test('an unknown config key is rejected, naming the key', () => {
  assert.throws(() => new Engine({ no_such_key: 1 }), isInvalidConfigKey('no_such_key'));
});

test('a config value of the wrong type is rejected, naming the key', () => {
  assert.throws(() => new Engine({ event_queue_capacity: 'many' }), isInvalidConfigKey('event_queue_capacity'));
  assert.throws(() => new Engine('{"user_agent": 5}'), isInvalidConfigKey('user_agent'));
});

test('a config value out of range is rejected, naming the key', () => {
  assert.throws(() => new Engine({ event_queue_capacity: 15 }), isInvalidConfigKey('event_queue_capacity'));
  assert.throws(() => new Engine({ log_level: 'loud' }), isInvalidConfigKey('log_level'));
});

test('malformed config JSON is rejected with VC_E_INVALID_ARG', () => {
  assert.throws(() => new Engine('{"log_level": '), { code: ErrorCode.INVALID_ARG });
});

test('a config that is neither object nor string is a TypeError', () => {
  assert.throws(() => new Engine(42), TypeError);
  assert.throws(() => new Engine([]), TypeError);
});

test('an event detail that is not a JSON object is rejected', async () => {
  const engine = new Engine();
  try {
    assert.throws(() => engine.postEvent(1, '[1, 2]'), { code: ErrorCode.INVALID_ARG, message: /detail_json/ });
    assert.throws(() => engine.postEvent(1, 'not json'), { code: ErrorCode.INVALID_ARG });
  } finally {
    await engine.close();
  }
});

test('a poll timeout below -1 is rejected by the library; a non-integer is a TypeError', async () => {
  const engine = new Engine();
  try {
    await assert.rejects(engine.pollEvent(-2), { code: ErrorCode.INVALID_ARG, message: /timeout_ms is -2/ });
    await assert.rejects(engine.pollEvent(1.5), TypeError);
    await assert.rejects(engine.pollEvent(), TypeError);
  } finally {
    await engine.close();
  }
});
