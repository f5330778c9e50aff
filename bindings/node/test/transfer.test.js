'use strict';

// Call transfer between three engines on loopback: bob transfers alice's call to carol.

const test = require('node:test');
const assert = require('node:assert/strict');
const { Engine, CallState } = require('..');
const { waitForEvent } = require('../test-support/helpers');
const { withTwoEngines, reachState, nextIncomingCall, connectCall } = require('../test-support/calls');

test('a blind transfer connects alice to carol and ends both legs with bob', () =>
  withTwoEngines(async (engines) => {
    const carol = new Engine({ user_agent: 'node-test-carol' });
    try {
      const carolUri = `sip:carol@${carol.listen('udp:127.0.0.1:0').slice('udp:'.length)}`;
      // The callee (bob) transfers the caller (alice) to carol.
      const { outgoing: alice, incoming: bob } = await connectCall(engines, { codecs: ['pcmu'] });
      const referred = waitForEvent(engines.caller, 'callTransfer', (event) => event.role === 'transferee');
      const carolRings = nextIncomingCall(carol);
      const bobEnded = waitForEvent(bob, 'terminated');
      const aliceEnded = waitForEvent(alice, 'terminated');
      const progress = [];
      bob.on('transfer', (event) => progress.push(event.code));

      bob.transfer(carolUri);
      const transferee = await referred;
      assert.equal(transferee.call, alice);
      assert.notEqual(transferee.newCall, 0n);
      const atCarol = (await carolRings).call;
      const carolConnected = reachState(atCarol, CallState.CONNECTED);
      atCarol.answer();
      await carolConnected;

      const ended = await bobEnded;
      assert.equal(ended.reason, 'transferred');
      await aliceEnded;
      assert.ok(progress.includes(202) && progress.at(-1) === 200, `progress ${progress}`);
      atCarol.hangup();
      await waitForEvent(atCarol, 'terminated');
    } finally {
      await carol.close();
    }
  }));
