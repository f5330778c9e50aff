'use strict';

const { EventEmitter } = require('node:events');
const { performance } = require('node:perf_hooks');
const { native } = require('./library');
const { VoipError, check } = require('./voip-error');
const {
  ErrorCode,
  EventType,
  EVENT_TYPE_NAMES,
  ACCOUNT_EVENT_TYPES,
  CALL_EVENT_TYPES,
  CallState,
  LogLevel,
} = require('./constants');
const { toRequestId } = require('./event-record');
const { EventInbox } = require('./event-inbox');
const { toLogLevel } = require('./log-record');
const { toJsonText, toConfigText } = require('./json-text');
const { takeString } = require('./native-strings');
const { runBlockingCall } = require('./blocking-calls');
const { trackEngine, untrackEngine } = require('./open-engines');
const { getCallbackThread } = require('./callback-thread');
const { CallbackSwitch } = require('./callback-switch');
const { setCredentialLookup, forgetCredentialLookup } = require('./credential-lookups');
const { EMIT, HAS_LISTENERS } = require('./engine-object');
const { Account, CONSTRUCT: CONSTRUCT_ACCOUNT, ENGINE_CLOSED } = require('./account');
const { Call, CONSTRUCT: CONSTRUCT_CALL } = require('./call');

// Listening to any of these takes events off the poll queue (see #routeEvents).
const EVENT_LISTENER_NAMES = new Set(['event', ...Object.values(EVENT_TYPE_NAMES)]);
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
// Longer than any timer may wait: keeps the process alive while a poll without limit waits.
const KEEP_ALIVE_MS = INT32_MAX;

/**
 * A libvoipcore engine. Events reach either the listeners or pollEvent(), never both: while a
 * listener for 'event' or an event type (on the engine or one of its accounts) is attached the
 * engine's event callback is set and events are emitted; otherwise they wait in the library's
 * queue for pollEvent().
 *
 * The event and log callbacks run on the callback thread (callback-thread.js), never on this
 * one, and the calls that set or remove them run on blocking-call threads (callback-switch.js):
 * nothing this thread calls synchronously waits for the engine's dispatch thread.
 */
class Engine extends EventEmitter {
  #handle;
  #callbackThread;
  #callbackSwitch;
  #inbox = new EventInbox((event) => this.#emitEvent(event));
  #accounts = new Map();
  // The calls not yet terminated, by handle.
  #calls = new Map();
  // How accounts and calls tell the engine that their listeners changed.
  #objectHooks = {
    listenerAdded: () => this.#routeEvents(true),
    listenersChanged: () => this.#updateRouting(),
  };
  #closing = null;
  #pendingPolls = 0;
  #onNewListener = (name) => {
    if (EVENT_LISTENER_NAMES.has(name)) {
      this.#routeEvents(true);
    }
  };
  #onRemoveListener = (name) => {
    if (EVENT_LISTENER_NAMES.has(name)) {
      this.#updateRouting();
    }
  };

  /** @param config undefined for the defaults, or overrides as an object or a JSON string. */
  constructor(config) {
    super();
    const configText = toJsonText(config, 'config');
    // Started (once per process) before the engine exists, so a failure leaks no engine.
    const callbackThread = getCallbackThread();
    const created = [0n];
    check(native.vc_engine_create(created, configText));
    this.#handle = BigInt(created[0]);
    this.#callbackThread = callbackThread;
    this.#callbackSwitch = new CallbackSwitch(this.#handle, callbackThread);
    callbackThread.attach(this.#handle, {
      event: (event) => this.#inbox.deliver(event),
      log: (record) => this.#emitLog(record),
    });
    this.#watchListeners();
    trackEngine(this, () => this.#quietAtExit());
  }

  /** The engine's opaque 64-bit handle. */
  get handle() {
    return this.#handle;
  }

  /** The effective configuration: the defaults merged with the overrides given at creation. */
  get config() {
    const configText = [null];
    check(native.vc_engine_get_config(this.#handle, configText));
    return JSON.parse(takeString(configText[0]));
  }

  /** Queues a 'user' event carrying value (a 64-bit integer) and an optional JSON object detail. */
  postEvent(value, detail) {
    check(native.vc_engine_post_event(this.#handle, value, toJsonText(detail, 'detail')));
  }

  /**
   * Emits 'log' for each message at level or above; 'off' (or 4) stops logging. A bad level or
   * a closed engine throws at once; the level is applied on another thread (setting it waits
   * for the events already queued for delivery), and the promise resolves once it is in effect
   * (or replaced by a later call, or the engine closed). It never rejects.
   */
  setLogLevel(level) {
    const levelNumber = toLogLevel(level);
    if (!Number.isInteger(levelNumber) || levelNumber < LogLevel.DEBUG || levelNumber > LogLevel.OFF) {
      throw new VoipError(
        ErrorCode.INVALID_ARG,
        `level is ${levelNumber}; expected VC_LOG_DEBUG (0) to VC_LOG_OFF (4)`,
      );
    }
    this.#checkHandle();
    return this.#callbackSwitch.setLogLevel(levelNumber);
  }

  /**
   * Takes the oldest queued event, waiting up to timeoutMs (-1: no limit, 0: no wait).
   * Resolves null when none came in time; rejects while event listeners are attached.
   */
  async pollEvent(timeoutMs) {
    if (!Number.isInteger(timeoutMs) || timeoutMs < INT32_MIN || timeoutMs > INT32_MAX) {
      throw new TypeError('voipcore: timeoutMs must be an integer: -1 (no limit), 0 or a number of milliseconds');
    }
    if (this.#inbox.listening) {
      throw new VoipError(
        ErrorCode.INVALID_STATE,
        'pollEvent() while event listeners are attached: events go to the listeners; remove them to poll',
      );
    }
    const event = await this.#inbox.receive((isStillWaiting) => this.#pollLibrary(timeoutMs, isStillWaiting));
    if (event !== null) {
      this.#trackCall(event);
      this.#forgetEndedCall(event);
    }
    return event;
  }

  /**
   * Destroys the engine and its accounts: stops its threads, drops events still queued and
   * rejects pending polls. No listener is called once close() has been called. Calling it
   * again returns the same promise. Asynchronous because vc_engine_destroy un-registers
   * registered accounts first, waiting up to about 3 s for their registrar.
   */
  close() {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  removeAllListeners(...names) {
    super.removeAllListeners(...names);
    this.#watchListeners();
    this.#updateRouting();
    return this;
  }

  // ------------------------------------------------------------------ SIP

  /**
   * Opens a SIP listener, e.g. 'udp:127.0.0.1:0' (port 0 picks a free port), 'tcp:[::1]:5060',
   * and returns the address actually bound, in the same form.
   */
  listen(address) {
    const bound = [null];
    check(native.vc_engine_listen(this.#handle, bound, address));
    return takeString(bound[0]);
  }

  /**
   * Creates an account (it does not register until account.register()). config: {uri,
   * password | ha1, username, displayName, registrar, proxy, transport, expires, keepaliveS};
   * the library's snake_case names are accepted too, as is JSON text.
   */
  createAccount(config) {
    const created = [0n];
    check(native.vc_account_create(created, this.#handle, toConfigText(config, 'config')));
    const handle = BigInt(created[0]);
    const account = new Account(CONSTRUCT_ACCOUNT, this, handle, {
      ...this.#objectHooks,
      closed: () => {
        this.#accounts.delete(handle);
        this.#updateRouting();
      },
    });
    this.#accounts.set(handle, account);
    return account;
  }

  /**
   * Serves REGISTER on this engine's listeners, replacing any earlier registrar configuration
   * and its bindings. config: {realm, users: {name: password}, minExpires, defaultExpires,
   * maxExpires, algorithms: ['SHA-256', 'MD5']}, or undefined for the defaults.
   */
  enableRegistrar(config) {
    check(native.vc_registrar_enable(this.#handle, toConfigText(config, 'config')));
  }

  /** Adds or replaces a registrar user. */
  registrarAddUser(user, password) {
    check(native.vc_registrar_add_user(this.#handle, user, password));
  }

  /** The registrar's current bindings: [{aor, contact, expires, source, callId, cseq}]. */
  registrarBindings() {
    const bindingsText = [null];
    check(native.vc_registrar_list_bindings(this.#handle, bindingsText));
    return JSON.parse(takeString(bindingsText[0])).map(({ call_id: callId, ...binding }) => ({ ...binding, callId }));
  }

  /**
   * Sets (or with null removes) the registrar's lookup of users its configuration does not
   * know: lookup(user) returns the password, or null/undefined for an unknown user. It runs on
   * this thread, synchronously, while the REGISTER waits: the REGISTER is answered only when
   * the event loop is free to run it. Once this returns, the previous lookup is not called again.
   */
  setCredentialLookup(lookup) {
    if (lookup !== null && typeof lookup !== 'function') {
      throw new TypeError('voipcore: the credential lookup must be a function (user) => password, or null');
    }
    check(setCredentialLookup(this.#handle, this.#closing === null ? lookup : null));
  }

  /**
   * Sends OPTIONS to target (a sip: URI), from options.account or anonymously, and returns the
   * request id; the answer comes as a 'requestResult' event carrying it as requestId.
   */
  sendOptions(target, { account } = {}) {
    const requestId = [0n];
    check(native.vc_sip_send_options(this.#handle, requestId, accountHandle(account), target));
    return toRequestId(requestId[0]);
  }

  /**
   * Sends a MESSAGE with body text (contentType 'text/plain' unless given), as sendOptions().
   * Incoming MESSAGEs are emitted as 'messageReceived'.
   */
  sendMessage(target, text, { contentType = 'text/plain', account } = {}) {
    const requestId = [0n];
    check(native.vc_sip_send_message(this.#handle, requestId, accountHandle(account), target, contentType, text));
    return toRequestId(requestId[0]);
  }

  // ------------------------------------------------------------------ calls

  /**
   * Places a call to targetUri (sip: or sips:) and returns it; progress comes as its 'state'
   * events. options: account (an Account or its handle: its identity, proxy and credentials;
   * else the engine's own address), codecs (this call's preference order, e.g. ['pcmu']),
   * headers ({name: value} added to the INVITE).
   */
  call(targetUri, { account, codecs, headers } = {}) {
    const options = codecs === undefined && headers === undefined ? null : JSON.stringify({ codecs, headers });
    const created = [0n];
    check(native.vc_call_make(created, this.#handle, accountHandle(account), targetUri, options));
    return this.#addCall(BigInt(created[0]), 'outgoing');
  }

  // ------------------------------------------------------------------ internals

  #addCall(handle, direction) {
    const call = new Call(CONSTRUCT_CALL, this, handle, direction, this.#objectHooks);
    this.#calls.set(handle, call);
    return call;
  }

  /**
   * Gives a call event its Call as event.call, making the Call of an incoming call. Every event
   * passes here once, on its way to the listeners or to a poll.
   */
  #trackCall(event) {
    if (event.type === EventType.CALL_INCOMING) {
      event.call = this.#addCall(event.handle, 'incoming');
    } else if (CALL_EVENT_TYPES.includes(event.type)) {
      event.call = this.#calls.get(event.handle) ?? null;
    }
  }

  /** After its TERMINATED event a call's handle is stale: its listeners stop counting. */
  #forgetEndedCall(event) {
    const ended = event.type === EventType.CALL_STATE && event.state === CallState.TERMINATED;
    if (ended && this.#calls.delete(event.handle)) {
      this.#updateRouting();
    }
  }

  /**
   * Polls the library once events go to its queue again and every event the removed callback
   * took has arrived (each of those may answer this poll first: see EventInbox). The time
   * spent waiting for that counts against timeoutMs.
   */
  async #pollLibrary(timeoutMs, isStillWaiting) {
    const deadline = timeoutMs < 0 ? Infinity : performance.now() + timeoutMs;
    // Below -1 the library refuses it, with its own message: let it.
    for (let settling = timeoutMs < -1 ? null : this.#callbackSwitch.eventsSettling(); settling !== null; ) {
      if (!(await settledBefore(settling, deadline)) || !isStillWaiting()) {
        return null;
      }
      settling = this.#callbackSwitch.eventsSettling();
    }
    if (!isStillWaiting()) {
      return null;
    }
    const remainingMs = timeoutMs < 0 ? timeoutMs : Math.max(0, Math.ceil(deadline - performance.now()));
    this.#pendingPolls++;
    try {
      return await runBlockingCall('pollEvent', { handle: this.#handle, timeoutMs: remainingMs });
    } catch (error) {
      if (error instanceof VoipError && error.code === ErrorCode.TIMEOUT) {
        return null;
      }
      throw error;
    } finally {
      this.#pendingPolls--;
    }
  }

  async #shutDown() {
    this.#inbox.listening = false;
    forgetCredentialLookup(this.#handle);
    // No callback change starts any more. One in progress may be waiting for the events queued
    // for delivery; vc_engine_destroy releases it (VC_E_SHUTDOWN), removes the callbacks itself
    // and waits for a callback in progress, which runs on the callback thread.
    const switching = this.#callbackSwitch.close();
    try {
      await runBlockingCall('destroyEngine', { handle: this.#handle });
    } finally {
      await switching;
      this.#inbox.clear();
      this.#callbackThread.detach(this.#handle);
      forgetCredentialLookup(this.#handle);
      for (const account of [...this.#accounts.values()]) {
        account[ENGINE_CLOSED]();
      }
      // vc_engine_destroy hung them up; their handles are stale.
      this.#calls.clear();
      untrackEngine(this);
    }
  }

  /** Throws the library's VoipError for a stale handle (vc_engine_get_config has no effect). */
  #checkHandle() {
    const configText = [null];
    check(native.vc_engine_get_config(this.#handle, configText));
    native.vc_free(configText[0]);
  }

  // Runs inside process 'exit', where nothing may throw or wait for the event loop (see
  // open-engines.js): removes the callbacks before Node stops the callback thread, and wakes
  // each poll blocked in the library with a posted event. Results are ignored as the engine
  // may be half closed.
  #quietAtExit() {
    this.#inbox.listening = false;
    this.#callbackSwitch.quietAtExit();
    for (let poll = 0; poll < this.#pendingPolls; poll++) {
      native.vc_engine_post_event(this.#handle, 0, null);
    }
  }

  // removeAllListeners() with no name removes these hooks too: put them back.
  #watchListeners() {
    if (!this.listeners('newListener').includes(this.#onNewListener)) {
      this.on('newListener', this.#onNewListener);
    }
    if (!this.listeners('removeListener').includes(this.#onRemoveListener)) {
      this.on('removeListener', this.#onRemoveListener);
    }
  }

  #hasEventListeners() {
    return (
      [...EVENT_LISTENER_NAMES].some((name) => this.listenerCount(name) > 0) ||
      [...this.#accounts.values(), ...this.#calls.values()].some((object) => object[HAS_LISTENERS]())
    );
  }

  #updateRouting() {
    this.#routeEvents(this.#hasEventListeners());
  }

  /**
   * Routes events to the listeners or to pollEvent(). This thread's side switches at once; the
   * library's event callback follows on another thread (CallbackSwitch). Meanwhile:
   *  - to listeners: events stay in the library's queue until the callback is set, which hands
   *    them over first, in order; events the binding kept (see EventInbox) are emitted before.
   *  - to polling: events the callback still delivers, until its removal and then until the
   *    last of them has arrived, are kept for pollEvent() (or answer a waiting one), ahead of
   *    anything the library's queue holds.
   * So no event is lost or delivered twice, and listeners and polls each see increasing
   * sequence numbers.
   */
  #routeEvents(toListeners) {
    if (this.#closing !== null || toListeners === this.#inbox.listening) {
      return;
    }
    this.#inbox.listening = toListeners;
    this.#callbackSwitch.routeEvents(toListeners);
  }

  #emitEvent(event) {
    this.#trackCall(event);
    runGuarded(() => {
      this.emit('event', event);
      if (event.typeName !== 'unknown') {
        this.emit(event.typeName, event);
      }
    });
    const object = ACCOUNT_EVENT_TYPES.includes(event.type) ? this.#accounts.get(event.handle) : event.call;
    // An incoming call's first event made it: nobody can listen to it yet.
    if (object && event.type !== EventType.CALL_INCOMING) {
      runGuarded(() => object[EMIT](event));
    }
    this.#forgetEndedCall(event);
  }

  #emitLog(record) {
    if (this.#closing === null) {
      runGuarded(() => this.emit('log', record));
    }
  }
}

/**
 * Resolves true once settling has, false if deadline (a performance.now() time, or Infinity)
 * comes first. Its timer keeps the process alive meanwhile, as a poll in the library does.
 */
function settledBefore(settling, deadline) {
  let timer;
  const expired = new Promise((resolve) => {
    timer = setTimeout(() => resolve(false), deadline === Infinity ? KEEP_ALIVE_MS : Math.max(0, deadline - performance.now()));
  });
  return Promise.race([settling.then(() => true), expired]).finally(() => clearTimeout(timer));
}

/** The handle to act from: 0 (anonymous), an Account's, or a handle given as is. */
function accountHandle(account) {
  if (account === undefined || account === null) {
    return 0n;
  }
  if (account instanceof Account) {
    return account.handle;
  }
  if (typeof account === 'bigint') {
    return account;
  }
  throw new TypeError('voipcore: options.account must be an Account, an account handle (bigint) or undefined');
}

// A listener's exception must not break the delivery of the events after it: rethrown on a
// tick of its own, it is an uncaught exception like that of any other listener.
function runGuarded(deliver) {
  try {
    deliver();
  } catch (error) {
    process.nextTick(() => {
      throw error;
    });
  }
}

module.exports = { Engine };
