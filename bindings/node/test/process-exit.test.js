'use strict';

// Each case runs in a child node process, since what is tested is how that process ends.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { runNodeScript } = require('../test-support/helpers');

function assertCleanExit(result, expectedOutput) {
  assert.equal(result.signal, null, `killed by ${result.signal}; stderr: ${result.stderr}`);
  assert.equal(result.status, 0, `stderr: ${result.stderr}`);
  assert.equal(result.stdout.trim(), expectedOutput);
}

// Time limits for a child process to end, generous for a loaded machine: a hang is killed 5 s
// after them. Exits that may wait for vc_engine_destroy's un-register (about 3 s) get more.
const QUICK_EXIT_MS = 8000;
const UNREGISTER_EXIT_MS = 12000;

/** Runs the script and asserts it ended cleanly, printing expectedOutput, within limitMs. */
function assertCleanExitWithin(limitMs, body, expectedOutput) {
  const started = performance.now();
  const result = runNodeScript(body, { timeoutMs: limitMs + 5000 });
  const elapsed = performance.now() - started;
  assertCleanExit(result, expectedOutput);
  assert.ok(elapsed < limitMs, `the process took ${Math.round(elapsed)} ms to end`);
}

// A registrar engine (alice/secret, plus a credential lookup knowing carol/pw) and a phone
// engine, both on loopback UDP, for the scripts below.
const SIP_SETUP = `
  const registrar = new voipcore.Engine();
  const phone = new voipcore.Engine();
  const host = registrar.listen('udp:127.0.0.1:0').slice(4);
  phone.listen('udp:127.0.0.1:0');
  registrar.enableRegistrar({ users: { alice: 'secret' } });
  const registered = (account) => new Promise((resolve) => account.on('registrationState', (event) => {
    if (event.stateName === 'registered' || event.stateName === 'failed') resolve(event);
  }));
  const busyFor = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const keepAlive = setTimeout(() => {}, 20000);
`;

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

test('process.exit() from a listener right after switching callbacks, while events and logs flow, exits with 0 at once', () => {
  assertCleanExitWithin(
    QUICK_EXIT_MS,
    `
    const engine = new voipcore.Engine();
    engine.setLogLevel('debug');
    engine.on('log', () => {});
    const other = () => {};
    let received = 0;
    engine.on('user', () => {
      received++;
      if (received % 2 === 1) engine.on('event', other); else engine.off('event', other);
      engine.setLogLevel(received % 3 === 0 ? 'off' : 'debug');
      if (received === 300) {
        console.log('exiting');
        process.exit(0);
      }
    });
    for (let value = 0; value < 10000; value++) engine.postEvent(value);
    setTimeout(() => {}, 20000);
  `,
    'exiting',
  );
});

test('process.exit() right after the last listener left, with events still on their way, exits with 0', () => {
  assertCleanExitWithin(
    QUICK_EXIT_MS,
    `
    const engines = [new voipcore.Engine(), new voipcore.Engine()];
    const listener = () => {};
    for (const engine of engines) {
      engine.on('event', listener);
      for (let value = 0; value < 5000; value++) engine.postEvent(value);
    }
    setImmediate(() => {
      for (const engine of engines) {
        engine.off('event', listener);
        engine.pollEvent(-1);
      }
      console.log('exiting');
      process.exit(0);
    });
    setTimeout(() => {}, 20000);
  `,
    'exiting',
  );
});

test('process.exit() while a callback change waits on another thread for a backlog of events exits with 0', () => {
  for (const delayMs of [0, 30]) {
    assertCleanExitWithin(
      QUICK_EXIT_MS,
      `
      (async () => {
        const engine = new voipcore.Engine();
        await engine.pollEvent(1000); // a blocking-call thread, ready for the change below
        engine.on('event', () => {});
        for (let value = 0; value < 30000; value++) engine.postEvent(value);
        await new Promise((resolve) => setTimeout(resolve, 50));
        // Replacing the log callback waits until the events queued for delivery are delivered.
        engine.setLogLevel('debug');
        await new Promise((resolve) => setTimeout(resolve, ${delayMs}));
        console.log('exiting');
        process.exit(0);
      })();
      setTimeout(() => {}, 20000);
    `,
      'exiting',
    );
  }
});

test('process.exit() right after listeners and the log level changed, before the changes ran, exits with 0', () => {
  assertCleanExitWithin(
    QUICK_EXIT_MS,
    `
    const engine = new voipcore.Engine();
    const listener = () => {};
    for (let round = 0; round < 50; round++) {
      engine.on('event', listener);
      engine.setLogLevel(round % 2 === 0 ? 'debug' : 'warning');
      for (let value = 0; value < 20; value++) engine.postEvent(value);
      engine.off('event', listener);
    }
    engine.on('user', listener);
    console.log('exiting');
    process.exit(0);
  `,
    'exiting',
  );
});

test('process.exit() while close() un-registers an account exits with 0', () => {
  assertCleanExitWithin(
    UNREGISTER_EXIT_MS,
    `${SIP_SETUP}
    (async () => {
      const account = phone.createAccount({ uri: 'sip:alice@' + host, password: 'secret' });
      account.register();
      const outcome = await registered(account);
      phone.on('event', () => {});
      phone.close();
      registrar.close();
      console.log(outcome.stateName);
      process.exit(0);
    })();
  `,
    'registered',
  );
});

test('process.exit() while a REGISTER waits for the credential lookup, and engines close, exits with 0', () => {
  assertCleanExitWithin(
    UNREGISTER_EXIT_MS,
    `${SIP_SETUP}
    registrar.setCredentialLookup((user) => (user === 'carol' ? 'pw' : null));
    const account = phone.createAccount({ uri: 'sip:carol@' + host, password: 'pw' });
    phone.on('event', () => {});
    account.register();
    // The registrar's SIP thread now waits for this thread to run the lookup.
    busyFor(400);
    phone.close();
    registrar.close();
    console.log('exiting');
    process.exit(0);
  `,
    'exiting',
  );
});

test('synchronous calls made while a credential lookup waits for this thread do not deadlock', () => {
  assertCleanExitWithin(
    UNREGISTER_EXIT_MS,
    `${SIP_SETUP}
    registrar.setCredentialLookup((user) => (user === 'carol' ? 'pw' : null));
    const account = phone.createAccount({ uri: 'sip:carol@' + host, password: 'pw' });
    const outcome = registered(account);
    account.register();
    busyFor(400);
    // With the lookup queued for this thread, every kind of synchronous call:
    registrar.registrarAddUser('bob', 'bobs');
    registrar.registrarBindings();
    registrar.setCredentialLookup((user) => (user === 'carol' ? 'pw' : null));
    registrar.sendOptions('sip:' + host);
    registrar.listen('udp:127.0.0.1:0');
    registrar.setLogLevel('debug');
    registrar.on('event', () => {});
    registrar.removeAllListeners('event');
    registrar.setLogLevel('off');
    const other = phone.createAccount({ uri: 'sip:bob@' + host, password: 'bobs' });
    other.state;
    (async () => {
      const event = await outcome;
      console.log(event.stateName, event.code);
      await other.close();
      await account.close();
      await phone.close();
      await registrar.close();
      clearTimeout(keepAlive);
    })();
  `,
    'registered 200',
  );
});

test('a credential lookup that throws is an uncaught exception, and the REGISTER is refused', () => {
  assertCleanExitWithin(
    UNREGISTER_EXIT_MS,
    `${SIP_SETUP}
    const uncaught = [];
    process.on('uncaughtException', (error) => uncaught.push(error.message));
    registrar.setCredentialLookup(() => { throw new Error('lookup failed'); });
    const account = phone.createAccount({ uri: 'sip:carol@' + host, password: 'pw' });
    registered(account).then(async (event) => {
      console.log(event.stateName, event.code, uncaught[0]);
      process.exit(0);
    });
    account.register();
  `,
    'failed 403 lookup failed',
  );
});

test('engines never closed, one with a registered account, let the process exit with 0', () => {
  assertCleanExitWithin(
    UNREGISTER_EXIT_MS,
    `${SIP_SETUP}
    clearTimeout(keepAlive);
    const account = phone.createAccount({ uri: 'sip:alice@' + host, password: 'secret' });
    const timer = setTimeout(() => {}, 5000);
    registered(account).then((event) => {
      console.log(event.stateName);
      clearTimeout(timer);
    });
    account.register();
  `,
    'registered',
  );
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
