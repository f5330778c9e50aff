'use strict';

// The registrar's credential lookups (vc_credential_fn), which must run the user's function and
// so run on the main thread.
//
// The library calls the lookup on a SIP worker thread, synchronously, while the REGISTER waits;
// koffi hands the call to the main event loop and blocks that SIP thread until the loop has run
// it. Nothing waits for such a SIP thread: neither vc_registrar_set_credential_callback(NULL) nor
// vc_engine_destroy (measured; see README.md), so a lookup may still be on its way after either
// returned. One trampoline therefore serves every engine and is never unregistered; its user_data
// names the engine, and a lookup for an engine without a lookup function (any more) answers
// "not found".

const koffi = require('koffi');
const { native } = require('./library');
const { ErrorCode } = require('./constants');

const lookups = new Map();
let trampoline = null;

function onLookup(user, passwordPointer, capacity, userData) {
  const lookup = lookups.get(BigInt(userData ?? 0));
  if (lookup === undefined) {
    return ErrorCode.NOT_FOUND;
  }
  let password;
  try {
    password = lookup(user);
  } catch (error) {
    // Like a listener's exception: uncaught, on a tick of its own, never into the library.
    process.nextTick(() => {
      throw error;
    });
    return ErrorCode.NOT_FOUND;
  }
  if (password === null || password === undefined) {
    return ErrorCode.NOT_FOUND;
  }
  if (typeof password !== 'string') {
    const what = typeof password?.then === 'function' ? 'a Promise (it must answer synchronously)' : typeof password;
    process.nextTick(() => {
      throw new TypeError(`voipcore: the credential lookup for ${JSON.stringify(user)} returned ${what}, not a string`);
    });
    return ErrorCode.NOT_FOUND;
  }
  const bytes = Buffer.from(`${password}\0`, 'utf8');
  if (bytes.length > Number(capacity) || bytes.indexOf(0) !== bytes.length - 1) {
    process.nextTick(() => {
      throw new RangeError(
        `voipcore: the credential lookup for ${JSON.stringify(user)} returned a password that contains NUL or does ` +
          `not fit the library's ${capacity}-byte buffer`,
      );
    });
    return ErrorCode.NOT_FOUND;
  }
  koffi.encode(passwordPointer, koffi.array('uint8_t', bytes.length), bytes);
  return ErrorCode.OK;
}

/** Sets (or with lookup null removes) the engine's credential lookup; returns the library's code. */
function setCredentialLookup(engineHandle, lookup) {
  if (lookup === null) {
    lookups.delete(engineHandle);
    return native.vc_registrar_set_credential_callback(engineHandle, null, null);
  }
  trampoline ??= koffi.register(onLookup, native.CredentialCallbackPointer);
  const rc = native.vc_registrar_set_credential_callback(engineHandle, trampoline, engineHandle);
  if (rc === 0) {
    lookups.set(engineHandle, lookup);
  }
  return rc;
}

/** Forgets the engine's lookup: a call still on its way answers "not found". */
function forgetCredentialLookup(engineHandle) {
  lookups.delete(engineHandle);
}

module.exports = { setCredentialLookup, forgetCredentialLookup };
