'use strict';

// Calls between two engines in this process over loopback UDP: signalling, hold, DTMF and the
// errors of the call API, against the real library.

const test = require('node:test');
const assert = require('node:assert/strict');
const { performance } = require('node:perf_hooks');
const { Call, CallState, DtmfMethod, ErrorCode, EventType, VoipError } = require('..');
const { waitForEvent, collectEvents, withTimeout } = require('../test-support/helpers');
const { withTwoEngines, reachState, nextIncomingCall, connectCall } = require('../test-support/calls');

/** Asserts the stats a call reports once media has flowed both ways with codec. */
function assertMediaFlowed(stats, codec) {
  assert.equal(stats.codec, codec);
  assert.ok(stats.packetsSent > 0 && stats.packetsReceived > 0, JSON.stringify(stats));
  assert.ok(stats.bytesSent > 0 && stats.bytesReceived > 0, JSON.stringify(stats));
  assert.equal(stats.packetsLost, 0);
  assert.ok(stats.mos >= 1 && stats.mos <= 4.5, `mos ${stats.mos}`);
}

test('a call connects, reports stats, and both sides see it terminate with the final report', () =>
  withTwoEngines(
    async (engines) => {
      const incomingStates = [];
      engines.callee.on('callIncoming', ({ call }) => call.on('state', (event) => incomingStates.push(event)));
      const { outgoing, incoming, incomingEvent } = await connectCall(engines, { codecs: ['pcmu'] });

      assert.ok(outgoing instanceof Call && incoming instanceof Call);
      assert.deepEqual([outgoing.direction, incoming.direction], ['outgoing', 'incoming']);
      assert.equal(outgoing.engine, engines.caller);
      assert.equal(incoming.engine, engines.callee);
      assert.equal(incomingEvent.type, EventType.CALL_INCOMING);
      assert.equal(incomingEvent.typeName, 'callIncoming');
      assert.equal(incomingEvent.handle, incoming.handle);
      assert.equal(incomingEvent.codec, 'PCMU');
      assert.match(incomingEvent.to, /^<sip:bob@127\.0\.0\.1:\d+>/);
      assert.match(incomingEvent.source, /^udp:127\.0\.0\.1:\d+$/);
      assert.equal(typeof incomingEvent.callId, 'string');
      assert.equal(incomingEvent.replaces, 0n);
      assert.deepEqual(
        incomingStates.map((event) => [event.stateName, event.previousName, event.code]),
        [['ringing', 'initializing', 0], ['connected', 'ringing', 200]],
      );
      assert.equal(outgoing.state, CallState.CONNECTED);
      assert.equal(incoming.stateName, 'connected');

      // A quality report (media.quality_interval_s is 1 here) and live stats while media flows.
      const quality = await waitForEvent(outgoing, 'quality', () => true, 3000);
      assert.equal(quality.typeName, 'callQuality');
      assert.equal(quality.call, outgoing);
      assert.equal(quality.mos, quality.stats.mos);
      assert.ok(Math.abs(quality.value - quality.mos * 100) < 1, `value ${quality.value} is MOS x 100`);
      assertMediaFlowed(quality.stats, 'PCMU');
      const live = outgoing.stats();
      assertMediaFlowed(live, 'PCMU');
      assert.ok(live.durationS > 0.5, `durationS ${live.durationS}`);

      const outgoingEnded = waitForEvent(outgoing, 'terminated');
      const incomingEnded = waitForEvent(incoming, 'terminated');
      const outgoingStates = collectEvents(outgoing, 'state', 2);
      outgoing.hangup();
      const [terminating, terminated] = await outgoingStates;
      assert.deepEqual([terminating.stateName, terminated.stateName], ['terminating', 'terminated']);
      assert.equal(await outgoingEnded, terminated);
      for (const [ended, direction] of [[terminated, 'outgoing'], [await incomingEnded, 'incoming']]) {
        assert.equal(ended.type, EventType.CALL_STATE);
        assert.equal(ended.state, CallState.TERMINATED);
        assert.equal(ended.direction, direction);
        assert.ok(ended.durationS > 0.5, `durationS ${ended.durationS}`);
        assertMediaFlowed(ended.stats, 'PCMU');
      }
    },
    { media: { quality_interval_s: 1 } },
  ));

test('the callee rejects with 486: both sides terminate with 486 Busy Here', () =>
  withTwoEngines(async ({ caller, callee, calleeUri }) => {
    let calleeEnded;
    callee.on('callIncoming', ({ call }) => {
      calleeEnded = waitForEvent(call, 'terminated');
      call.reject(486);
    });
    const outgoing = caller.call(calleeUri);
    const ended = await waitForEvent(outgoing, 'terminated');
    assert.deepEqual([ended.code, ended.reason, ended.durationS], [486, 'Busy Here', 0]);
    assert.equal((await calleeEnded).code, 486);
  }));

test('the caller cancels while it rings: both sides terminate with 487', () =>
  withTwoEngines(async ({ caller, callee, calleeUri }) => {
    const offered = nextIncomingCall(callee);
    const outgoing = caller.call(calleeUri);
    await reachState(outgoing, CallState.RINGING);
    const incoming = (await offered).call;
    const incomingEnded = waitForEvent(incoming, 'terminated');
    const outgoingEnded = waitForEvent(outgoing, 'terminated');
    outgoing.hangup();
    const [caller487, callee487] = [await outgoingEnded, await incomingEnded];
    assert.equal(caller487.code, 487);
    assert.equal(callee487.code, 487);
  }));

test('hold and resume: the caller moves to on_hold and back, the callee sees remoteHold', () =>
  withTwoEngines(async (engines) => {
    const { outgoing, incoming } = await connectCall(engines);
    assert.throws(() => outgoing.resume(), { code: ErrorCode.INVALID_STATE, message: /Connected/ });

    const held = reachState(outgoing, CallState.ON_HOLD);
    const heldRemotely = waitForEvent(incoming, 'state', (event) => event.remoteHold);
    outgoing.hold();
    const onHold = await held;
    assert.deepEqual([onHold.stateName, onHold.previousName, onHold.remoteHold], ['on_hold', 'connected', false]);
    const remote = await heldRemotely;
    // Only remote_hold changed on the callee's side: value and value2 are both connected.
    assert.deepEqual([remote.state, remote.previous], [CallState.CONNECTED, CallState.CONNECTED]);
    assert.equal(incoming.state, CallState.CONNECTED);
    assert.equal(outgoing.stateName, 'on_hold');
    assert.throws(() => outgoing.hold(), { code: ErrorCode.INVALID_STATE, message: /cannot hold a call in state OnHold/ });

    const resumed = reachState(outgoing, CallState.CONNECTED);
    const resumedRemotely = waitForEvent(incoming, 'state', (event) => !event.remoteHold);
    outgoing.resume();
    assert.equal((await resumed).previous, CallState.ON_HOLD);
    const back = await resumedRemotely;
    assert.deepEqual([back.state, back.previous, back.remoteHold], [CallState.CONNECTED, CallState.CONNECTED, false]);
  }));

test('DTMF by RFC 4733 and by SIP INFO arrives in order, with its method', () =>
  withTwoEngines(async (engines) => {
    const { outgoing, incoming } = await connectCall(engines);
    const received = [];
    incoming.on('dtmf', (event) => received.push(event));

    // Each batch is awaited: RTP events and INFO requests take different paths.
    const batches = [
      ['159', DtmfMethod.RFC4733, 'rfc4733'],
      ['*#0', 'info', 'info'],
      ['AD', 'auto', 'rfc4733'],
    ];
    for (const [digits, method] of batches) {
      const arrived = collectEvents(incoming, 'dtmf', digits.length);
      outgoing.sendDtmf(digits, method);
      await withTimeout(arrived, 5000, `DTMF ${digits}`);
    }
    assert.deepEqual(
      received.map((event) => [event.digit, event.method]),
      batches.flatMap(([digits, , name]) => [...digits].map((digit) => [digit, name])),
    );
    for (const event of received) {
      assert.equal(event.typeName, 'callDtmf');
      assert.equal(event.value, event.digit.charCodeAt(0));
      assert.ok(event.durationMs > 0, `durationMs ${event.durationMs}`);
    }
    assert.throws(() => outgoing.sendDtmf('1', 'smoke'), RangeError);
    assert.throws(() => outgoing.sendDtmf('X'), { code: ErrorCode.INVALID_ARG });
  }));

test('an operation the state does not allow throws VC_E_INVALID_STATE naming the state', () =>
  withTwoEngines(async ({ caller, callee, calleeUri }) => {
    const offered = nextIncomingCall(callee);
    const outgoing = caller.call(calleeUri);
    assert.throws(() => outgoing.answer(), (error) => {
      assert.ok(error instanceof VoipError);
      assert.equal(error.code, ErrorCode.INVALID_STATE);
      assert.equal(error.codeName, 'VC_E_INVALID_STATE');
      assert.match(error.message, /^VC_E_INVALID_STATE: cannot answer a call in state (Initializing|Dialing)\b/);
      return true;
    });
    const incoming = (await offered).call;
    assert.throws(() => incoming.hold(), { code: ErrorCode.INVALID_STATE, message: /cannot hold a call in state Ringing/ });
    assert.throws(() => incoming.sendDtmf('1'), { code: ErrorCode.INVALID_STATE, message: /Ringing/ });
    assert.throws(() => incoming.reject(200), { code: ErrorCode.INVALID_ARG, message: /300-699/ });
    assert.throws(() => incoming.defer(0), { code: ErrorCode.INVALID_ARG });
    incoming.hangup();
    assert.equal((await waitForEvent(outgoing, 'terminated')).code, 603);
  }));

test('after its terminated event a call throws VC_E_INVALID_HANDLE', () =>
  withTwoEngines(async (engines) => {
    const { outgoing, incoming } = await connectCall(engines);
    const ended = Promise.all([waitForEvent(outgoing, 'terminated'), waitForEvent(incoming, 'terminated')]);
    incoming.hangup();
    await ended;
    for (const call of [outgoing, incoming]) {
      assert.throws(() => call.hangup(), { code: ErrorCode.INVALID_HANDLE, codeName: 'VC_E_INVALID_HANDLE' });
      assert.throws(() => call.state, { code: ErrorCode.INVALID_HANDLE });
      assert.throws(() => call.stats(), { code: ErrorCode.INVALID_HANDLE });
    }
  }));

test('engine.call() checks its target and options, naming what is wrong', () =>
  withTwoEngines(async ({ caller, calleeUri }) => {
    assert.throws(() => caller.call('mailto:bob@127.0.0.1'), { code: ErrorCode.INVALID_ARG });
    assert.throws(() => caller.call(calleeUri, { codecs: ['no-such-codec'] }), {
      code: ErrorCode.INVALID_ARG,
      message: /no-such-codec/,
    });
    assert.throws(() => caller.call(calleeUri, { headers: 5 }), { code: ErrorCode.INVALID_ARG, message: /headers/ });
    assert.throws(() => caller.call(calleeUri, { account: 'alice' }), TypeError);
  }));

test("the callee's other decisions: forward (302), defer (480 when undecided), ring with early media (183)", () =>
  withTwoEngines(
    async ({ caller, callee, calleeUri }) => {
      const decide = async (decision, options) => {
        const offered = nextIncomingCall(callee);
        const outgoing = caller.call(calleeUri, options);
        const states = [];
        outgoing.on('state', (event) => states.push(event));
        const incomingEvent = await offered;
        await decision(incomingEvent.call, outgoing);
        return { states, incomingEvent, outgoing };
      };

      // calls.auto_ringing is off here: the callee's ring() sends 180 or 183.
      const forwarded = await decide(async (call) => {
        call.ring();
        call.forward('sip:carol@127.0.0.1:5999');
      });
      await waitForEvent(forwarded.outgoing, 'terminated');
      assert.deepEqual(
        forwarded.states.map((event) => [event.stateName, event.code]),
        [['dialing', 0], ['ringing', 180], ['terminated', 302]],
      );

      const deferredAt = performance.now();
      const deferred = await decide((call) => call.defer(200));
      const timedOut = await waitForEvent(deferred.outgoing, 'terminated');
      assert.equal(timedOut.code, 480);
      assert.ok(performance.now() - deferredAt >= 200, 'rejected once the deferral expired');

      const early = await decide(async (call, outgoing) => {
        const sessionProgress = waitForEvent(outgoing, 'state', (event) => event.code === 183);
        call.ring({ earlyMedia: true });
        await sessionProgress;
        call.answer();
      }, { codecs: ['pcma'] });
      assert.equal(early.incomingEvent.codec, 'PCMA');
      await reachState(early.outgoing, CallState.CONNECTED);
      assert.deepEqual(
        early.states.map((event) => [event.stateName, event.code]),
        [['dialing', 0], ['ringing', 183], ['connected', 200]],
      );
      assert.equal(early.outgoing.stats().codec, 'PCMA');
    },
    { calls: { auto_ringing: false } },
  ));

test('polled call events carry their Call, which works like an emitted one', () =>
  withTwoEngines(async ({ caller, callee, calleeUri }) => {
    const outgoing = caller.call(calleeUri, { headers: { 'X-Node-Test': 'polled' } });
    let event;
    do {
      event = await callee.pollEvent(5000);
      assert.ok(event !== null, 'an incoming call within 5 s');
    } while (event.type !== EventType.CALL_INCOMING);
    const incoming = event.call;
    assert.ok(incoming instanceof Call);
    assert.equal(incoming.handle, event.handle);
    assert.equal(incoming.direction, 'incoming');

    const ringing = await callee.pollEvent(5000);
    assert.deepEqual([ringing.typeName, ringing.stateName, ringing.call], ['callState', 'ringing', incoming]);
    // The engine's own 'callState' listener sees the same records, carrying the Call, as the
    // call's 'state' listeners, after them.
    const order = [];
    caller.on('callState', (state) => order.push(['engine', state.call === outgoing, state.stateName]));
    outgoing.on('state', (state) => order.push(['call', state.stateName]));
    const connected = reachState(outgoing, CallState.CONNECTED);
    incoming.answer();
    await connected;
    assert.deepEqual(order.slice(-2), [['engine', true, 'connected'], ['call', 'connected']]);
    outgoing.hangup();
    let ended;
    do {
      ended = await callee.pollEvent(5000);
    } while (ended !== null && ended.stateName !== 'terminated');
    assert.equal(ended.call, incoming);
    assert.throws(() => incoming.answer(), { code: ErrorCode.INVALID_HANDLE });
  }));
