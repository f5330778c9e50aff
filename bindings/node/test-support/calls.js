'use strict';

// Two engines in one process calling each other over loopback UDP. Kept out of test/ because
// node --test runs every .js file there.

const { Engine, CallState } = require('..');
const { waitForEvent, withTimeout } = require('./helpers');

/**
 * Runs body({caller, callee, calleeUri}) with two engines listening on loopback UDP, calleeUri
 * addressing the callee; closes both after (which hangs up their calls). config is merged into
 * both engines' configuration.
 */
async function withTwoEngines(body, config = {}) {
  const caller = new Engine({ ...config, user_agent: 'node-test-caller' });
  const callee = new Engine({ ...config, user_agent: 'node-test-callee' });
  try {
    caller.listen('udp:127.0.0.1:0');
    const calleeAddress = callee.listen('udp:127.0.0.1:0');
    return await body({ caller, callee, calleeUri: `sip:bob@${calleeAddress.slice('udp:'.length)}` });
  } finally {
    await caller.close();
    await callee.close();
  }
}

/** Resolves with the call's next 'state' event reaching state. */
function reachState(call, state, ms) {
  return waitForEvent(call, 'state', (event) => event.state === state, ms);
}

/**
 * Resolves with the engine's next 'callIncoming' event once its call rings (waiting for that is
 * set up in the listener, before the call's first 'state' event can be emitted).
 */
function nextIncomingCall(engine, ms = 5000) {
  const ringing = new Promise((resolve) => {
    engine.once('callIncoming', (event) => resolve(reachState(event.call, CallState.RINGING, ms).then(() => event)));
  });
  return withTimeout(ringing, ms, "a 'callIncoming' event");
}

/**
 * Calls the callee, which answers: resolves {outgoing, incoming, incomingEvent} once both calls
 * are connected.
 */
async function connectCall({ caller, callee, calleeUri }, options) {
  const offered = nextIncomingCall(callee);
  const outgoing = caller.call(calleeUri, options);
  const outgoingConnected = reachState(outgoing, CallState.CONNECTED);
  const incomingEvent = await offered;
  const incoming = incomingEvent.call;
  const incomingConnected = reachState(incoming, CallState.CONNECTED);
  incoming.answer();
  await Promise.all([outgoingConnected, incomingConnected]);
  return { outgoing, incoming, incomingEvent };
}

module.exports = { withTwoEngines, reachState, nextIncomingCall, connectCall };
