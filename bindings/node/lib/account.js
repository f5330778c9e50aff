'use strict';

const { native } = require('./library');
const { VoipError, check } = require('./voip-error');
const { ErrorCode, REGISTRATION_STATE_NAMES } = require('./constants');
const { EngineObject, EMIT, HAS_LISTENERS } = require('./engine-object');

// Listening to any of these on an account counts as listening to the engine's events.
const ACCOUNT_LISTENER_NAMES = new Set(['event', 'registrationState', 'requestResult', 'keepalive']);

const CONSTRUCT = Symbol('voipcore.Account.construct');
const ENGINE_CLOSED = Symbol('voipcore.Account.engineClosed');

/**
 * A SIP account (vc_account_t), made by engine.createAccount(). It re-emits the engine's events
 * whose handle is this account: 'registrationState', 'requestResult' (requests sent from it),
 * 'keepalive', and each of them as 'event'. Listening to an account counts as listening to the
 * engine: its events go to listeners, not to pollEvent().
 */
class Account extends EngineObject {
  #engine;
  #handle;
  #hooks;
  #closing = null;
  #closed = false;

  /** @internal Use engine.createAccount(). */
  constructor(token, engine, handle, hooks) {
    if (token !== CONSTRUCT) {
      throw new TypeError('voipcore: accounts are made with engine.createAccount()');
    }
    super(ACCOUNT_LISTENER_NAMES, hooks);
    this.#engine = engine;
    this.#handle = handle;
    this.#hooks = hooks;
  }

  /** The account's opaque 64-bit handle (the handle of its events). */
  get handle() {
    return this.#handle;
  }

  /** The engine the account belongs to. */
  get engine() {
    return this.#engine;
  }

  /** True once close() has finished, or the engine was closed. */
  get closed() {
    return this.#closed;
  }

  /** The registration state, a RegistrationState number. */
  get state() {
    this.#checkOpen();
    const state = [0];
    check(native.vc_account_get_state(this.#handle, state));
    return state[0];
  }

  /** The registration state's name: 'idle', 'registering', 'registered', ... */
  get stateName() {
    return REGISTRATION_STATE_NAMES[this.state] ?? 'unknown';
  }

  /** Starts registering, and keeps the registration refreshed until unregister(). Returns at once. */
  register() {
    this.#checkOpen();
    check(native.vc_account_register(this.#handle));
  }

  /** Removes the registration (REGISTER with Expires: 0). Returns at once. */
  unregister() {
    this.#checkOpen();
    check(native.vc_account_unregister(this.#handle));
  }

  /**
   * Destroys the account. A registered account un-registers first, in the background; the
   * promise resolves once that is over (the library allows it about 3 s). The account emits
   * its events until then, none after. Calling it again returns the same promise; once the
   * engine is closed it resolves at once.
   */
  close() {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  async #shutDown() {
    try {
      if (this.#closed) {
        return;
      }
      const rc = native.vc_account_destroy(this.#handle);
      if (rc === ErrorCode.INVALID_HANDLE) {
        return; // The engine was destroyed meanwhile, and the account with it.
      }
      check(rc);
    } finally {
      this[ENGINE_CLOSED]();
    }
  }

  #checkOpen() {
    if (this.#closing !== null || this.#closed) {
      throw new VoipError(ErrorCode.INVALID_HANDLE, 'the account is closed');
    }
  }

  /** @internal Emits one of the engine's events that concerns this account. */
  [EMIT](event) {
    if (this.#closed) {
      return;
    }
    this.emit('event', event);
    this.emit(event.typeName, event);
  }

  /** @internal */
  [HAS_LISTENERS]() {
    return !this.#closed && super[HAS_LISTENERS]();
  }

  /** @internal The account is gone: closed, or destroyed with its engine. */
  [ENGINE_CLOSED]() {
    if (!this.#closed) {
      this.#closed = true;
      this.#hooks.closed();
    }
  }
}

module.exports = { Account, CONSTRUCT, ENGINE_CLOSED };
