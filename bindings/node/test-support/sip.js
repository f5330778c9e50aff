'use strict';

// Two engines in one process, over loopback UDP: a registrar and a phone. Kept out of test/
// because node --test runs every .js file there.

const { Engine } = require('..');

const REGISTRAR_REALM = 'node-test';

/**
 * Runs body({registrar, phone, registrarHost, phoneAddress}) with a registrar engine (user
 * alice/secret, listening on UDP) and a phone engine (listening on UDP); closes both after.
 */
async function withRegistrarAndPhone(body, { users = { alice: 'secret' } } = {}) {
  const registrar = new Engine({ user_agent: 'node-test-registrar' });
  const phone = new Engine({ user_agent: 'node-test-phone' });
  try {
    const registrarAddress = registrar.listen('udp:127.0.0.1:0');
    const phoneAddress = phone.listen('udp:127.0.0.1:0');
    registrar.enableRegistrar({ realm: REGISTRAR_REALM, minExpires: 1, users });
    return await body({ registrar, phone, registrarHost: registrarAddress.slice('udp:'.length), phoneAddress });
  } finally {
    // The phone first: vc_engine_destroy un-registers its accounts, waiting up to about 3 s for
    // a registrar that must still be there to answer.
    await phone.close();
    await registrar.close();
  }
}

module.exports = { withRegistrarAndPhone, REGISTRAR_REALM };
