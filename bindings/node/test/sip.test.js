'use strict';

// The SIP API against the real library: two engines in this process, a registrar and a phone,
// talking over loopback UDP.

const test = require('node:test');
const assert = require('node:assert/strict');
const { performance } = require('node:perf_hooks');
const { Engine, Account, BindingAction, ErrorCode, EventType, RegistrationState, VoipError } = require('..');
const { waitForEvent } = require('../test-support/helpers');
const { withRegistrarAndPhone } = require('../test-support/sip');

const isFinalRegistrationState = (event) =>
  [RegistrationState.REGISTERED, RegistrationState.FAILED, RegistrationState.UNREGISTERED].includes(event.state);

/** Registers account and resolves with the registrationState events up to the final one. */
async function registrationOutcome(account, start = () => account.register()) {
  const events = [];
  const record = (event) => events.push(event);
  account.on('registrationState', record);
  try {
    start();
    await waitForEvent(account, 'registrationState', isFinalRegistrationState);
    return events;
  } finally {
    account.off('registrationState', record);
  }
}

test('listen() returns the bound address; bad or busy addresses fail with VoipError', async () => {
  const engine = new Engine();
  try {
    const bound = engine.listen('udp:127.0.0.1:0');
    assert.match(bound, /^udp:127\.0\.0\.1:\d+$/);
    assert.notEqual(bound, 'udp:127.0.0.1:0');
    assert.match(engine.listen('tcp:127.0.0.1:0'), /^tcp:127\.0\.0\.1:\d+$/);
    for (const bad of ['nonsense', 'udp:1.2.3.4.5:0', 'udp:127.0.0.1:99999', 'sctp:127.0.0.1:0', '']) {
      assert.throws(
        () => engine.listen(bad),
        (error) => error instanceof VoipError && error.code === -1 && error.codeName === 'VC_E_INVALID_ARG' &&
          /listen address/.test(error.message),
        bad,
      );
    }
    assert.throws(() => engine.listen(bound), { code: ErrorCode.IO, message: /in use/ });
  } finally {
    await engine.close();
  }
});

test('an account registers (registering, then registered 200), the registrar lists the binding, unregister removes it', () =>
  withRegistrarAndPhone(async ({ registrar, phone, registrarHost, phoneAddress }) => {
    const account = phone.createAccount({ uri: `sip:alice@${registrarHost}`, password: 'secret', expires: 60 });
    assert.ok(account instanceof Account);
    assert.equal(account.engine, phone);
    assert.equal(account.state, RegistrationState.IDLE);
    assert.equal(account.stateName, 'idle');

    const bindingAdded = waitForEvent(registrar, 'registrarBinding', (event) => event.action === BindingAction.ADDED);
    const engineSaw = waitForEvent(phone, 'registrationState', (event) => event.state === RegistrationState.REGISTERED);
    const registering = await registrationOutcome(account);
    assert.deepEqual(
      registering.map((event) => [event.stateName, event.code]),
      [['registering', 0], ['registered', 200]],
    );
    const registered = registering[1];
    assert.equal(registered.type, EventType.REGISTRATION_STATE);
    assert.equal(registered.handle, account.handle);
    assert.equal(registered.state, RegistrationState.REGISTERED);
    assert.equal(registered.reason, 'OK');
    assert.equal(registered.expires, 60);
    assert.equal(registered.aor, `sip:alice@${registrarHost}`);
    assert.equal(registered.contact, `sip:alice@${phoneAddress.slice('udp:'.length)}`);
    // The engine emits the account's events too, as the same records.
    assert.equal(await engineSaw, registered);
    assert.equal(account.state, RegistrationState.REGISTERED);
    assert.equal(account.stateName, 'registered');

    const added = await bindingAdded;
    assert.equal(added.actionName, 'added');
    assert.equal(added.aor, 'alice');
    assert.equal(added.contact, registered.contact);
    assert.equal(added.source, phoneAddress);
    const [binding, ...others] = registrar.registrarBindings();
    assert.deepEqual(others, []);
    assert.equal(binding.aor, 'alice');
    assert.equal(binding.contact, registered.contact);
    assert.equal(binding.expires, 60);
    assert.equal(binding.source, phoneAddress);
    assert.equal(typeof binding.callId, 'string');
    assert.ok(Number.isInteger(binding.cseq));

    const bindingRemoved = waitForEvent(registrar, 'registrarBinding', (event) => event.action === BindingAction.REMOVED);
    const unregistering = await registrationOutcome(account, () => account.unregister());
    assert.deepEqual(
      unregistering.map((event) => [event.stateName, event.code]),
      [['unregistering', 0], ['unregistered', 200]],
    );
    assert.equal((await bindingRemoved).actionName, 'removed');
    assert.deepEqual(registrar.registrarBindings(), []);
    assert.equal(account.state, RegistrationState.UNREGISTERED);
    await account.close();
  }));

test('a wrong password fails with 403, and no binding is added', () =>
  withRegistrarAndPhone(async ({ registrar, phone, registrarHost }) => {
    const account = phone.createAccount({ uri: `sip:alice@${registrarHost}`, password: 'wrong' });
    const events = await registrationOutcome(account);
    const failed = events.at(-1);
    assert.deepEqual([failed.stateName, failed.code, failed.reason], ['failed', 403, 'Forbidden']);
    assert.equal(account.state, RegistrationState.FAILED);
    assert.deepEqual(registrar.registrarBindings(), []);
    await account.close();
  }));

test('the credential lookup answers for users the configuration does not know', () =>
  withRegistrarAndPhone(
    async ({ registrar, phone, registrarHost }) => {
      const asked = [];
      registrar.setCredentialLookup((user) => {
        asked.push(user);
        return { carol: 'carols-secret', zoe: 'pässwörd ☃' }[user] ?? null;
      });
      const outcome = async (user, password) => {
        const account = phone.createAccount({ uri: `sip:${user}@${registrarHost}`, password });
        const final = (await registrationOutcome(account)).at(-1);
        return { account, final: [final.stateName, final.code] };
      };

      const carol = await outcome('carol', 'carols-secret');
      assert.deepEqual(carol.final, ['registered', 200]);
      assert.deepEqual((await outcome('zoe', 'pässwörd ☃')).final, ['registered', 200]);
      assert.deepEqual((await outcome('carol', 'not-hers')).final, ['failed', 403]);
      assert.deepEqual((await outcome('dave', 'whatever')).final, ['failed', 403]);
      assert.deepEqual([...new Set(asked)].sort(), ['carol', 'dave', 'zoe']);
      assert.deepEqual(registrar.registrarBindings().map((binding) => binding.aor).sort(), ['carol', 'zoe']);

      // Once removed, the lookup is not called again: users it knew are unknown.
      registrar.setCredentialLookup(null);
      const askedBefore = asked.length;
      assert.deepEqual((await outcome('carol', 'carols-secret')).final, ['failed', 403]);
      assert.equal(asked.length, askedBefore);
      // Configured users never reach it.
      registrar.setCredentialLookup((user) => {
        asked.push(user);
        return null;
      });
      registrar.registrarAddUser('erin', 'erins-secret');
      assert.deepEqual((await outcome('erin', 'erins-secret')).final, ['registered', 200]);
      assert.equal(asked.length, askedBefore);
      await carol.account.close();
    },
    { users: {} },
  ));

test('the credential lookup runs on this thread: a REGISTER waits while the thread is busy', () =>
  withRegistrarAndPhone(
    async ({ registrar, phone, registrarHost }) => {
      let askedAt = null;
      registrar.setCredentialLookup((user) => {
        askedAt = performance.now();
        return user === 'carol' ? 'pw' : null;
      });
      const account = phone.createAccount({ uri: `sip:carol@${registrarHost}`, password: 'pw' });
      const registered = waitForEvent(account, 'registrationState', isFinalRegistrationState);
      account.register();
      // Busy for 600 ms: the REGISTER reaches the registrar, whose SIP thread then waits for
      // this thread to run the lookup.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
      const freeAt = performance.now();
      assert.equal(askedAt, null);
      const outcome = await registered;
      assert.deepEqual([outcome.stateName, outcome.code], ['registered', 200]);
      assert.ok(askedAt >= freeAt, 'the lookup ran only once the thread was free');
      assert.ok(performance.now() - freeAt < 3000, 'and the REGISTER completed right after');
    },
    { users: {} },
  ));

test('the credential lookup needs the registrar, and must be a function or null', async () => {
  const engine = new Engine();
  try {
    assert.throws(() => engine.setCredentialLookup(() => 'pw'), { code: ErrorCode.INVALID_STATE, message: /registrar/ });
    assert.throws(() => engine.registrarAddUser('x', 'y'), { code: ErrorCode.INVALID_STATE });
    assert.throws(() => engine.registrarBindings(), { code: ErrorCode.INVALID_STATE });
    engine.enableRegistrar();
    assert.throws(() => engine.setCredentialLookup('pw'), TypeError);
    engine.setCredentialLookup(() => null);
    engine.setCredentialLookup(null);
    assert.deepEqual(engine.registrarBindings(), []);
    assert.throws(() => engine.enableRegistrar({ realm: 'r', noSuchKey: 1 }), { code: ErrorCode.INVALID_ARG, message: /no_such_key/ });
  } finally {
    await engine.close();
  }
});

test('OPTIONS: requestResult 200 carries the id sendOptions returned, anonymous or from an account', () =>
  withRegistrarAndPhone(async ({ phone, registrarHost }) => {
    const account = phone.createAccount({ uri: `sip:alice@${registrarHost}`, password: 'secret' });
    const target = `sip:${registrarHost}`;
    const results = new Map();
    const collect = (event) => results.set(event.requestId, event);
    phone.on('requestResult', collect);
    const fromAccount = [];
    account.on('requestResult', (event) => fromAccount.push(event));
    const anonymousId = phone.sendOptions(target);
    const accountId = phone.sendOptions(target, { account });
    assert.ok(Number.isInteger(anonymousId) && Number.isInteger(accountId));
    assert.notEqual(anonymousId, accountId);
    await waitForEvent(phone, 'requestResult', () => results.size === 2);

    const anonymous = results.get(anonymousId);
    assert.equal(anonymous.type, EventType.REQUEST_RESULT);
    assert.deepEqual([anonymous.method, anonymous.uri, anonymous.code, anonymous.reason], ['OPTIONS', target, 200, 'OK']);
    assert.equal(anonymous.handle, 0n);
    assert.equal(anonymous.value2, anonymousId);
    const viaAccount = results.get(accountId);
    assert.deepEqual([viaAccount.code, viaAccount.handle], [200, account.handle]);
    assert.deepEqual(fromAccount, [viaAccount]);
    assert.throws(() => phone.sendOptions(undefined), { code: ErrorCode.INVALID_ARG });
    assert.throws(() => phone.sendOptions(target, { account: 42 }), TypeError);
  }));

test('MESSAGE: the other engine emits messageReceived with the body; the sender gets requestResult 200', () =>
  withRegistrarAndPhone(async ({ registrar, phone, registrarHost, phoneAddress }) => {
    const account = phone.createAccount({ uri: `sip:alice@${registrarHost}`, password: 'secret' });
    const body = 'Hello from Node ☃ — 2 lines\nsecond';
    const received = waitForEvent(registrar, 'messageReceived');
    const result = waitForEvent(phone, 'requestResult');
    const requestId = phone.sendMessage(`sip:bob@${registrarHost}`, body, { account });

    const message = await received;
    assert.equal(message.type, EventType.MESSAGE_RECEIVED);
    assert.equal(message.body, body);
    assert.equal(message.contentType, 'text/plain');
    assert.equal(message.value, Buffer.byteLength(body));
    assert.match(message.from, new RegExp(`^<sip:alice@${registrarHost}>`));
    assert.match(message.to, new RegExp(`^<sip:bob@${registrarHost}>`));
    assert.equal(message.source, phoneAddress);
    const answer = await result;
    assert.deepEqual([answer.requestId, answer.method, answer.code], [requestId, 'MESSAGE', 200]);

    const typed = waitForEvent(registrar, 'messageReceived');
    phone.sendMessage(`sip:bob@${registrarHost}`, '{"a":1}', { contentType: 'application/json' });
    assert.deepEqual([(await typed).contentType, (await typed).body], ['application/json', '{"a":1}']);
  }));

test('account.close() of a registered account removes its binding; the account is then unusable', () =>
  withRegistrarAndPhone(async ({ registrar, phone, registrarHost }) => {
    const account = phone.createAccount({ uri: `sip:alice@${registrarHost}`, password: 'secret', expires: 60 });
    assert.equal((await registrationOutcome(account)).at(-1).stateName, 'registered');
    assert.equal(registrar.registrarBindings().length, 1);
    const closing = account.close();
    assert.equal(account.close(), closing);
    await closing;
    assert.ok(account.closed);
    // The un-REGISTER goes on in the background.
    for (let i = 0; i < 250 && registrar.registrarBindings().length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(registrar.registrarBindings(), []);
    assert.throws(() => account.register(), { code: ErrorCode.INVALID_HANDLE });
    assert.throws(() => account.state, { code: ErrorCode.INVALID_HANDLE });
    assert.throws(() => phone.sendOptions(`sip:${registrarHost}`, { account }), { code: ErrorCode.INVALID_HANDLE });
  }));

test('createAccount takes camelCase or snake_case keys, and rejects unknown ones naming them', async () => {
  const engine = new Engine();
  try {
    const account = engine.createAccount({ uri: 'sip:a@127.0.0.1', displayName: 'A', keepaliveS: 0, expires: 120 });
    engine.createAccount({ uri: 'sip:b@127.0.0.1', display_name: 'B', keepalive_s: 0 });
    engine.createAccount('{"uri": "sip:c@127.0.0.1"}');
    assert.throws(() => engine.createAccount({ uri: 'sip:a@127.0.0.1', noSuchKey: 1 }), {
      code: ErrorCode.INVALID_ARG,
      message: /no_such_key/,
    });
    assert.throws(() => engine.createAccount({}), { code: ErrorCode.INVALID_ARG, message: /uri/ });
    await account.close();
  } finally {
    await engine.close();
  }
  assert.throws(() => engine.createAccount({ uri: 'sip:a@127.0.0.1' }), { code: ErrorCode.INVALID_HANDLE });
});

test('closing the engine closes its accounts', () =>
  withRegistrarAndPhone(async ({ registrar, registrarHost }) => {
    const phone = new Engine();
    phone.listen('udp:127.0.0.1:0');
    const account = phone.createAccount({ uri: `sip:alice@${registrarHost}`, password: 'secret' });
    assert.equal((await registrationOutcome(account)).at(-1).stateName, 'registered');
    await phone.close();
    assert.ok(account.closed);
    await account.close();
    assert.throws(() => account.unregister(), { code: ErrorCode.INVALID_HANDLE });
    // vc_engine_destroy un-registered it.
    assert.deepEqual(registrar.registrarBindings(), []);
  }));
