'use strict';

const { native } = require('./library');

/** A failed vc_ call: code is the vc_error_t value, codeName its VC_E_* name. */
class VoipError extends Error {
  constructor(code, message) {
    const codeName = native.vc_strerror(code);
    super(`${codeName}: ${message}`);
    this.name = 'VoipError';
    this.code = code;
    this.codeName = codeName;
  }
}

/**
 * Throws a VoipError for a failed call made on this thread. vc_last_error() is per thread, so
 * this must run right after the call, on the thread that made it.
 */
function check(rc) {
  if (rc !== 0) {
    throw new VoipError(rc, native.vc_last_error());
  }
}

module.exports = { VoipError, check };
